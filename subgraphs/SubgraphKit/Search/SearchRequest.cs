using System.Globalization;

namespace SubgraphKit.Search;

/// <summary>
/// The <c>Search</c> entity: a query and how many results it wants, which is also its federation key,
/// plus the other subgraphs' hits when the gateway sends them for <c>@requires</c>.
/// </summary>
public sealed class SearchRequest
{
    public required string Query { get; init; }

    public required int First { get; init; }

    /// <summary>The @external hit lists of the representation, by field name; a missing or null list is absent.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SearchHit>> RequiredHits { get; init; } = new Dictionary<string, IReadOnlyList<SearchHit>>();

    /// <summary>Reads a representation: <c>{ query, first, roleHits: [{ id, score }], ... }</c>.</summary>
    public static SearchRequest FromRepresentation(IDictionary<string, object?> representation)
    {
        var hits = new Dictionary<string, IReadOnlyList<SearchHit>>();
        foreach (var (field, value) in representation)
        {
            if (value is IEnumerable<object?> list)
            {
                hits[field] = [.. list.OfType<IDictionary<string, object?>>()
                    .Where(hit => hit.TryGetValue("id", out var id) && id is string && hit.TryGetValue("score", out var score) && score is not null)
                    .Select(hit => new SearchHit((string)hit["id"]!, Convert.ToDouble(hit["score"], CultureInfo.InvariantCulture)))];
            }
        }

        return new SearchRequest
        {
            Query = representation.TryGetValue("query", out var query) ? query as string ?? string.Empty : string.Empty,
            First = representation.TryGetValue("first", out var first) && first is not null ? Convert.ToInt32(first, CultureInfo.InvariantCulture) : 0,
            RequiredHits = hits,
        };
    }
}
