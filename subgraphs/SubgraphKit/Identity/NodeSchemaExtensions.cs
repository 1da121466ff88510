using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SubgraphKit.Hosting;

namespace SubgraphKit.Identity;

public static class NodeSchemaExtensions
{
    /// <summary>
    /// Declares, by its key alone, each entity of the other subgraphs that this schema does not already
    /// have, so that every entity of the supergraph implements <c>Node</c> here (see <see cref="NodeInterface"/>)
    /// and a new one needs no edit in this subgraph. The entities come from the other subgraphs' committed
    /// SDL (<see cref="CommittedSubgraphSdl"/>), not from the supergraph, which is composed from this
    /// subgraph's SDL in turn. Call it last in the schema's constructor, after every RegisterType.
    /// </summary>
    public static void NodeStubsFromOtherSubgraphs(this Schema schema, IServiceProvider services)
    {
        var sdl = services.GetService<CommittedSubgraphSdl>() ?? CommittedSubgraphSdl.From(services.GetService<IConfiguration>());
        // The schema's assembly names its subgraph, as it names its connection string.
        var self = SubgraphRegistry.Named(schema.GetType().Assembly.GetName().Name!);
        var present = TypeNames(schema, services);
        // In composition order, then each file's: the order they are printed in this subgraph's SDL.
        foreach (var typeName in SubgraphRegistry.All.Where(subgraph => subgraph != self).SelectMany(sdl.EntityTypeNames))
        {
            if (present.Add(typeName))
            {
                schema.RegisterType(new NodeStubType(typeName));
            }
        }
    }

    /// <summary>
    /// The names of the types the schema will hold, found as GraphQL.NET finds them (from its roots and
    /// registered types) but before it does: a stub named like a type this subgraph owns or extends would
    /// make GraphQL.NET refuse the schema, and the schema cannot take types once it is built.
    /// </summary>
    private static HashSet<string> TypeNames(Schema schema, IServiceProvider services)
    {
        var names = new HashSet<string>();
        var resolved = new HashSet<Type>();
        var pending = new Stack<IGraphType>(schema.AdditionalTypeInstances);
        Push(schema.Query);
        Push(schema.Mutation);
        Push(schema.Subscription);
        foreach (var type in schema.AdditionalTypes)
        {
            Push(type);
        }

        while (pending.TryPop(out var type))
        {
            if (!names.Add(type.Name))
            {
                continue;
            }

            foreach (var field in (type as IComplexGraphType)?.Fields ?? [])
            {
                Push(field.ResolvedType);
                Push(field.Type);
            }

            foreach (var member in (type as IImplementInterfaces)?.Interfaces ?? (type as UnionGraphType)?.Types ?? [])
            {
                Push(member);
            }
        }

        return names;

        void Push(object? type)
        {
            if (type is IGraphType instance && instance.GetNamedType() is not GraphQLTypeReference)
            {
                pending.Push(instance.GetNamedType());
            }
            // A Type is resolved from DI, as GraphQL.NET resolves it; the scalars and enums it makes itself
            // are not there, and are never entities.
            else if (type is Type named && resolved.Add(named = named.GetNamedType()) && services.GetService(named) is IGraphType created)
            {
                pending.Push(created);
            }
        }
    }
}
