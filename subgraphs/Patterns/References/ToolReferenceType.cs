using GraphQL.Types;
using PatternsSubgraph.Practices;
using SubgraphKit.Data;
using SubgraphKit.Entities;

namespace PatternsSubgraph.References;

/// <summary>Tool, owned by the roles subgraph; this subgraph adds the practices a tool supports.</summary>
public sealed class ToolReferenceType : ObjectGraphType<EntityReference>
{
    public const string TypeName = "Tool";

    public ToolReferenceType()
    {
        this.ReferencedEntity(TypeName, contributesFields: true);

        Field<ListGraphType<NonNullGraphType<PracticeType>>>("practices")
            .Description("The practices this tool supports.")
            .Resolve(context => context.Service<PracticesByToolLoader>().Load(context.Source.SlugOf(TypeName) ?? string.Empty, context));
    }
}
