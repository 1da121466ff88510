using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SubgraphKit.Data;

public static class ResolveFieldContextExtensions
{
    /// <summary>
    /// The first row of a read-only query, or null. The query runs on a context of its own, so sibling
    /// resolvers that GraphQL.NET runs in parallel never share one DbContext.
    /// </summary>
    public static async Task<object?> QueryFirstAsync<TDbContext, T>(this IResolveFieldContext context, Func<TDbContext, IQueryable<T>> query)
        where TDbContext : DbContext
        where T : class
    {
        await using var db = await context.CreateDbContextAsync<TDbContext>();
        return await query(db).AsNoTracking().FirstOrDefaultAsync(context.CancellationToken);
    }

    /// <summary>A short-lived context for one resolver or one batch; the caller disposes it.</summary>
    public static Task<TDbContext> CreateDbContextAsync<TDbContext>(this IResolveFieldContext context)
        where TDbContext : DbContext =>
        context.RequestServices!.GetRequiredService<IDbContextFactory<TDbContext>>().CreateDbContextAsync(context.CancellationToken);

    /// <summary>Resolves a scoped service, such as a batch loader, from the request's services.</summary>
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();
}
