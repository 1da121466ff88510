using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;
using SubgraphKit.Data;
using SubgraphKit.Limits;

namespace SubgraphKit.Search;

/// <summary>
/// Search across subgraphs as a federation entity, <c>type Search @key(fields: "query first")</c>. One
/// subgraph owns <c>Query.search</c>; every subgraph adds its own hits to <c>Search</c> (one FTS5 query
/// each); the owner also merges them into <c>results</c>, with <c>@requires</c> on the others' hits, so the
/// gateway fetches those first and hands them over in the representation.
/// </summary>
public static class SearchGraphTypeExtensions
{
    public const int DefaultFirst = 10;
    public const int MaxQueryLength = 200;

    /// <summary>
    /// What one search costs beyond its fields: an FTS5 query in each of the three subgraphs, and the
    /// merge (@cost; docs/limits.md).
    /// </summary>
    public const int SearchCost = 10;

    /// <summary>
    /// <c>Query.search(query: String!, first: Int = 10): Search</c>, for the subgraph that owns the entry
    /// point; every list of <typeparamref name="TSearchType"/> holds at most <c>first</c> items (@listSize).
    /// </summary>
    public static void SearchField<TSearchType>(this ObjectGraphType query)
        where TSearchType : ObjectGraphType<SearchRequest>, new()
    {
        var hitsFields = new TSearchType().Fields.Where(field => IsList(field.Type!)).Select(field => field.Name).ToArray();
        query.Field<TSearchType>("search")
            .Description("Roles, comparison aspects, tools, architecture patterns, practices and terms whose names or texts hold the query's words (the last one also as a prefix), best first.")
            .Argument<NonNullGraphType<StringGraphType>>("query", argument => argument.Description = $"Words to look for; punctuation and FTS operators are ignored. At most {MaxQueryLength} characters.")
            .Argument<IntGraphType>("first", argument =>
            {
                argument.Description = $"How many results to return, 1 to {SearchIndex.MaxFirst}.";
                argument.DefaultValue = DefaultFirst;
            })
            .Resolve(context =>
            {
                var text = context.GetArgument<string>("query");
                var first = context.GetArgument<int?>("first") ?? DefaultFirst;
                if (string.IsNullOrWhiteSpace(text) || text.Length > MaxQueryLength)
                {
                    throw BadInput($"search needs a query of 1 to {MaxQueryLength} characters that is not blank.");
                }

                if (first is < 1 or > SearchIndex.MaxFirst)
                {
                    throw BadInput($"search takes first from 1 to {SearchIndex.MaxFirst}; {first} was given.");
                }

                return new SearchRequest { Query = text, First = first };
            })
            .SlicedListSize(DefaultFirst, ["first"], hitsFields)
            .Cost(SearchCost);
    }

    /// <summary>
    /// This subgraph's part of <c>Search</c>: its key fields, its reference resolver, and
    /// <paramref name="hitsField"/>, the hits of <typeparamref name="TIndex"/> (nullable: a seam field).
    /// </summary>
    public static void SearchEntity<TIndex>(this ObjectGraphType<SearchRequest> type, string hitsField, string description)
        where TIndex : SearchIndex
    {
        type.Name = "Search";
        type.Description = "A search across the supergraph: the query, and each subgraph's hits.";
        type.Field<NonNullGraphType<StringGraphType>>("query").Resolve(context => context.Source.Query);
        type.Field<NonNullGraphType<IntGraphType>>("first").Resolve(context => context.Source.First);
        type.Key("query first");
        type.ResolveReference<IDictionary<string, object?>, SearchRequest>((_, representation) => SearchRequest.FromRepresentation(representation));
        type.Field<ListGraphType<NonNullGraphType<SearchHitType>>>(hitsField)
            .Description(description)
            .ResolveAsync(async context =>
                await context.Service<TIndex>().SearchAsync(context.Source.Query, context.Source.First, context.CancellationToken));
    }

    /// <summary>
    /// <c>results</c>: this subgraph's hits and the other subgraphs' (<paramref name="requiredHitsFields"/>,
    /// @external here), merged by score, best <c>first</c>. Ties go to the lower id, so the order is stable.
    /// <para>
    /// Raw bm25 is not comparable across databases, and on tables this small it can collapse: FTS5
    /// clamps the IDF of a word found in more than half of a table's rows (such as "api") to 1e-6, so
    /// one subgraph may score a good match 1e-6 and another 2. Relative to the subgraph's own best
    /// alone, every subgraph's best would tie at 1, however weak. The merged score is the mean of the
    /// two: half relative to the best of its own subgraph (order within a subgraph, robust to the
    /// clamp), half relative to the best of all (how strong the match is against the others).
    /// </para>
    /// </summary>
    public static void SearchResults<TIndex>(this ObjectGraphType<SearchRequest> type, params string[] requiredHitsFields)
        where TIndex : SearchIndex
    {
        foreach (var field in requiredHitsFields)
        {
            type.Field<ListGraphType<NonNullGraphType<SearchHitType>>>(field)
                .External()
                .Resolve(context => context.Source.RequiredHits.GetValueOrDefault(field));
        }

        type.Field<ListGraphType<NonNullGraphType<SearchResultType>>>("results")
            .Description("Every subgraph's hits merged into one list, best first: the entities with their scores.")
            .Requires(string.Join(" ", requiredHitsFields.Select(field => field + " { id score }")))
            .ResolveAsync(async context =>
            {
                var request = context.Source;
                var own = await context.Service<TIndex>().SearchAsync(request.Query, request.First, context.CancellationToken);
                return Merge([own, .. requiredHitsFields.Select(field => request.RequiredHits.GetValueOrDefault(field) ?? [])])
                    .OrderByDescending(result => result.Score)
                    .ThenBy(result => result.Id, StringComparer.Ordinal)
                    .Take(Math.Clamp(request.First, 1, SearchIndex.MaxFirst))
                    .ToList();
            });
    }

    /// <summary>Each hit's score as the mean of its share of its subgraph's best and of the best of all.</summary>
    private static IEnumerable<SearchResult> Merge(IReadOnlyList<IReadOnlyList<SearchHit>> subgraphs)
    {
        var bestOfAll = subgraphs.SelectMany(hits => hits).Select(hit => hit.Score).DefaultIfEmpty(0).Max();
        return subgraphs.SelectMany(hits =>
        {
            var best = hits.Select(hit => hit.Score).DefaultIfEmpty(0).Max();
            return hits.Select(hit => new SearchResult(hit.Id, Math.Round((Share(hit.Score, best) + Share(hit.Score, bestOfAll)) / 2, 6)));
        });
    }

    private static double Share(double score, double best) => best > 0 ? Math.Clamp(score / best, 0, 1) : 0;

    private static bool IsList(Type graphType) =>
        graphType.IsGenericType && (graphType.GetGenericTypeDefinition() == typeof(ListGraphType<>)
            || (graphType.GetGenericTypeDefinition() == typeof(NonNullGraphType<>) && IsList(graphType.GetGenericArguments()[0])));

    private static ExecutionError BadInput(string message) => new(message) { Code = "BAD_USER_INPUT" };
}
