using Microsoft.EntityFrameworkCore;

namespace SubgraphKit.Data;

/// <summary>Loads a subgraph's content files into its freshly migrated database.</summary>
public interface ISubgraphSeeder<in TDbContext>
    where TDbContext : DbContext
{
    /// <summary>True once the content is in: it is loaded once, so edits made later are never overwritten.</summary>
    Task<bool> IsSeededAsync(TDbContext db, CancellationToken cancellationToken);

    /// <summary>Adds the content to the context; the caller saves it in one transaction.</summary>
    Task SeedAsync(TDbContext db, CancellationToken cancellationToken);
}
