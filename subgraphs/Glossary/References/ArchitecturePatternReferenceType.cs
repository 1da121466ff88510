using GlossarySubgraph.Terms;
using GraphQL.Types;
using SubgraphKit.Data;
using SubgraphKit.Entities;
using SubgraphKit.Identity;

namespace GlossarySubgraph.References;

/// <summary>ArchitecturePattern, owned by the patterns subgraph; this subgraph adds the terms that describe it.</summary>
public sealed class ArchitecturePatternReferenceType : ObjectGraphType<EntityReference>
{
    public const string TypeName = "ArchitecturePattern";

    public ArchitecturePatternReferenceType()
    {
        this.ReferencedEntity(TypeName, contributesFields: true);
        Interface<NodeInterface>();

        Field<ListGraphType<NonNullGraphType<TermType>>>("describedBy")
            .Description("The glossary terms that describe this pattern.")
            .Resolve(context => context.Service<TermsByPatternLoader>().Load(context.Source.SlugOf(TypeName) ?? string.Empty, context));
    }
}
