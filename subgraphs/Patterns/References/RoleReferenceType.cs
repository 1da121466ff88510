using GraphQL.Types;
using PatternsSubgraph.ArchitecturePatterns;
using PatternsSubgraph.Practices;
using SubgraphKit.Data;
using SubgraphKit.Entities;

namespace PatternsSubgraph.References;

/// <summary>
/// Role, owned by the roles subgraph. This subgraph adds the role's architecture stances and
/// practices; they are nullable so that a role still resolves while this subgraph is down.
/// </summary>
public sealed class RoleReferenceType : ObjectGraphType<EntityReference>
{
    public const string TypeName = "Role";

    public RoleReferenceType()
    {
        this.ReferencedEntity(TypeName, contributesFields: true);

        Field<ListGraphType<NonNullGraphType<PatternStanceType>>>("patternStances")
            .Description("How this role relates to each architecture pattern, favoured ones first.")
            .Resolve(context => context.Service<StancesByRoleLoader>().Load(context.Source.SlugOf(TypeName) ?? string.Empty));

        Field<ListGraphType<NonNullGraphType<ArchitecturePatternType>>>("favouredPatterns")
            .Description("The patterns the article says this role favours.")
            .Resolve(context => context.Service<FavouredPatternsByRoleLoader>().Load(context.Source.SlugOf(TypeName) ?? string.Empty, context));

        Field<ListGraphType<NonNullGraphType<PracticeType>>>("practices")
            .Description("The practices the article credits this role with.")
            .Resolve(context => context.Service<PracticesByRoleLoader>().Load(context.Source.SlugOf(TypeName) ?? string.Empty, context));
    }
}
