using System.Linq.Expressions;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Data;
using SubgraphKit.Entities;

namespace SubgraphKit.Listing;

/// <summary>
/// The one declarative description of how clients list an entity: the columns they may filter and sort
/// by, and the default order. The kit derives the
/// <c>{Type}FilterInput</c> and <c>{Type}SortInput</c> types from it, and translates the arguments into
/// the SQL of one <see cref="IQueryable{T}"/>; nothing is filtered, sorted or paged in memory.
/// </summary>
public abstract class EntityListing
{
    protected EntityListing(string typeName) => TypeName = typeName;

    /// <summary>The entity's GraphQL type name, such as "Term"; the input types are named after it.</summary>
    public string TypeName { get; }

    public IReadOnlyList<ListedField> Fields => _fields;

    private readonly List<ListedField> _fields = [];

    protected void Add(ListedField field) => _fields.Add(field);

    /// <summary>Runs the listing for one root field: filter, count (when asked), order, page and project.</summary>
    public abstract Task<object?> ResolveAsync(IResolveFieldContext context);
}

/// <typeparam name="TDbContext">The subgraph's database.</typeparam>
/// <typeparam name="TEntity">The listed entity.</typeparam>
public abstract class EntityListing<TDbContext, TEntity> : EntityListing
    where TDbContext : DbContext
    where TEntity : class, ISlugged
{
    private readonly Func<TDbContext, IQueryable<TEntity>> _source;
    private readonly CompiledPageQueries<TDbContext, TEntity> _compiledPages;
    private readonly List<(LambdaExpression Column, bool Descending)> _defaultOrder = [];

    protected EntityListing(string typeName, Expression<Func<TDbContext, IQueryable<TEntity>>> source)
        : base(typeName)
    {
        _source = source.Compile();
        _compiledPages = new CompiledPageQueries<TDbContext, TEntity>(source);
    }

    /// <summary>A text column: filterable with the string operators, and sortable.</summary>
    protected void Text(string name, Expression<Func<TEntity, string>> column) => Add(new ListedField(name, column, FilterKind.Text));

    /// <summary>An enum column: filterable with <c>eq</c>/<c>in</c> on the GraphQL enum of the same name, and sortable.</summary>
    protected void Choice<TEnum>(string name, Expression<Func<TEntity, TEnum>> column)
        where TEnum : struct, Enum =>
        Add(new ListedField(name, column, FilterKind.Choice));

    /// <summary>An integer column: filterable with comparisons, and sortable.</summary>
    protected void Number(string name, Expression<Func<TEntity, int>> column) => Add(new ListedField(name, column, FilterKind.Number));

    /// <summary>The order applied after the client's, and alone when there is none. The slug always ends it, so pages are stable.</summary>
    protected void DefaultOrder<TKey>(Expression<Func<TEntity, TKey>> column, bool descending = false) => _defaultOrder.Add((column, descending));

    public override async Task<object?> ResolveAsync(IResolveFieldContext context)
    {
        var page = PageRequest.From(context);
        await using var db = await context.CreateDbContextAsync<TDbContext>();

        var cancellationToken = context.CancellationToken;
        var where = context.GetArgument<Dictionary<string, object?>?>("where");
        var order = SortTranslator.Keys<TEntity>(context.GetArgument<List<object?>?>("order"), Fields, _defaultOrder);
        var properties = Projection.Properties<TEntity>(context, Projection.NodePaths);

        // Built only when used, and once: a compiled page without totalCount needs no IQueryable at all.
        IQueryable<TEntity>? filtered = null;
        IQueryable<TEntity> Filtered() => filtered ??= where is null ? _source(db).AsNoTracking()
            : _source(db).AsNoTracking().Where(FilterTranslator.Translate<TEntity>(where, Fields));

        Func<int, int, Task<List<TEntity>>> readRows = where is null && _compiledPages.For(order, properties) is { } compiled
            ? (offset, size) => compiled(db, offset, size).ToListAsync(cancellationToken).AsTask()
            : (offset, size) => Filtered().Provider.CreateQuery<TEntity>(SortTranslator.Order<TEntity>(Filtered().Expression, order))
                .Skip(offset).Take(size).Select(Projection.Of<TEntity>(properties)).ToListAsync(cancellationToken);
        return await page.ExecuteAsync(() => Filtered().CountAsync(cancellationToken), readRows);
    }
}
