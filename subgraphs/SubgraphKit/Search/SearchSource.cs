using Microsoft.EntityFrameworkCore;

namespace SubgraphKit.Search;

/// <summary>
/// One entity type's rows in its subgraph's search table: which rows, and the words of each that go
/// into the two searched columns. Words in <c>names</c> weigh <see cref="SearchIndex.NameWeight"/>
/// times as much as words in <c>texts</c>. The rows are read with EF, so one declaration serves every
/// database engine.
/// </summary>
public abstract class SearchSource<TDbContext>(string typeName)
    where TDbContext : DbContext
{
    /// <summary>The GraphQL type of the rows, which their global ids name.</summary>
    public string TypeName { get; } = typeName;

    /// <summary>The search table's rows for every entity of this type.</summary>
    public abstract Task<IReadOnlyList<SearchDocument>> ReadAsync(TDbContext db, CancellationToken cancellationToken);

    /// <summary>The source <see cref="SearchIndex{TDbContext}.Source"/> makes.</summary>
    internal sealed class Rows<TRow>(
        string typeName,
        Func<TDbContext, IQueryable<TRow>> rows,
        Func<TRow, string> slug,
        Func<TRow, IEnumerable<string?>> names,
        Func<TRow, IEnumerable<string?>> texts) : SearchSource<TDbContext>(typeName)
        where TRow : class
    {
        public override async Task<IReadOnlyList<SearchDocument>> ReadAsync(TDbContext db, CancellationToken cancellationToken)
        {
            var read = await rows(db).AsNoTracking().ToListAsync(cancellationToken);
            return [.. read.Select(row => new SearchDocument(TypeName, slug(row), Words(names(row)), Words(texts(row))))];
        }

        private static string Words(IEnumerable<string?> parts) => string.Join(' ', parts.Where(part => !string.IsNullOrEmpty(part)));
    }
}

/// <summary>A row of the search table: an entity's type and slug, and its words.</summary>
public sealed record SearchDocument(string Type, string Slug, string Name, string Text);
