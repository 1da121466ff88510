using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SubgraphKit.Data;

public static class ResolveFieldContextExtensions
{
    /// <summary>
    /// Runs a read-only query on a context of its own, so sibling resolvers that GraphQL.NET runs in
    /// parallel never share one DbContext.
    /// </summary>
    public static async Task<object?> QueryAsync<TDbContext, T>(this IResolveFieldContext context, Func<TDbContext, IQueryable<T>> query)
        where TDbContext : DbContext
        where T : class
    {
        var contexts = context.RequestServices!.GetRequiredService<IDbContextFactory<TDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        return await query(db).AsNoTracking().ToListAsync(context.CancellationToken);
    }

    /// <summary>Like <see cref="QueryAsync{TDbContext, T}"/>, for the first row of a query, or null.</summary>
    public static async Task<object?> QueryFirstAsync<TDbContext, T>(this IResolveFieldContext context, Func<TDbContext, IQueryable<T>> query)
        where TDbContext : DbContext
        where T : class
    {
        var contexts = context.RequestServices!.GetRequiredService<IDbContextFactory<TDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        return await query(db).AsNoTracking().FirstOrDefaultAsync(context.CancellationToken);
    }

    /// <summary>Resolves a scoped service, such as a batch loader, from the request's services.</summary>
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();
}
