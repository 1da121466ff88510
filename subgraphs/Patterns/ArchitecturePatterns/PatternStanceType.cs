using GraphQL.Types;
using PatternsSubgraph.Data.Entities;
using PatternsSubgraph.References;
using SubgraphKit.Data;
using SubgraphKit.Entities;
using SubgraphKit.Provenance;

namespace PatternsSubgraph.ArchitecturePatterns;

public sealed class PatternStanceType : ObjectGraphType<PatternStance>
{
    public PatternStanceType()
    {
        Name = "PatternStance";
        Description = "How one role relates to one architecture pattern, and why, per the article.";
        Field<RoleReferenceType>("role")
            .Description("The role. Null while the roles subgraph is unavailable.")
            .Resolve(context => EntityReference.For(RoleReferenceType.TypeName, context.Source.Role));
        Field<NonNullGraphType<ArchitecturePatternType>>("pattern")
            .Resolve(context => context.Service<PatternBySlugLoader>().Load(context.Source.Pattern, context));
        Field<NonNullGraphType<RolePreferenceType>>("preference").Resolve(context => context.Source.Stance);
        Field(stance => stance.Rationale).Description("The article's words that justify the stance.");
        this.SourceField();
    }
}
