using GraphQL.Types;

namespace SubgraphKit.Provenance;

public static class SourceFieldExtensions
{
    /// <summary>Adds the <c>source: ArticleSection!</c> provenance field that every record type carries.</summary>
    public static void SourceField<T>(this ObjectGraphType<T> type)
        where T : ISourced =>
        type.Field<NonNullGraphType<ArticleSectionType>>("source")
            .Description("The article section this record comes from.")
            .Resolve(context => new ArticleSection(context.Source.Section));
}
