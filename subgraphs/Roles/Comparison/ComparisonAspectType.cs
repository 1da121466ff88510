using GraphQL.Types;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Data;
using SubgraphKit.Entities;
using SubgraphKit.Provenance;

namespace RolesSubgraph.Comparison;

public sealed class ComparisonAspectType : ObjectGraphType<ComparisonAspect>
{
    public ComparisonAspectType()
    {
        Description = "A row of the article's comparison table, such as \"Testing Strategy\", with each role's stance.";
        this.OwnedEntity<ComparisonAspect, ComparisonAspectBySlugLoader>("ComparisonAspect");
        Field(aspect => aspect.Name).Description("The aspect as the table names it.");
        Field(aspect => aspect.Position).Description("The row's place in the table, from 1.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AspectStanceType>>>>("stances")
            .Description("Each role's stance on this aspect: the table's cells, in the article's words.")
            .Resolve(context => context.Service<StancesByAspectLoader>().Load(context.Source.Slug));
        this.SourceField();
    }
}
