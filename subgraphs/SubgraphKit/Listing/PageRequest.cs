using System.Buffers.Text;
using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Types.Relay.DataObjects;

namespace SubgraphKit.Listing;

/// <summary>
/// Relay cursor paging over an ordered query, with offset cursors (as HotChocolate's default for
/// IQueryable): a cursor is the row's position in the filtered, ordered list, made opaque. It is
/// valid only for the same <c>where</c> and <c>order</c>, like every offset cursor.
/// </summary>
public sealed class PageRequest
{
    /// <summary>The page size when the client sends neither <c>first</c> nor <c>last</c>, as in HotChocolate.</summary>
    public const int DefaultPageSize = 10;

    /// <summary>The most rows one page may ask for; enough for a screen, small enough to bound a request's cost.</summary>
    public const int MaxPageSize = 50;

    private const string CursorPrefix = "offset:";

    private readonly int? _first;
    private readonly int? _last;
    private readonly int? _after;
    private readonly int? _before;
    private readonly bool _countRequested;

    private PageRequest(int? first, int? last, int? after, int? before, bool countRequested)
    {
        (_first, _last, _after, _before, _countRequested) = (first, last, after, before, countRequested);
    }

    public static PageRequest From(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        if (first is not null && last is not null)
        {
            throw PagingError("Send either 'first' or 'last', not both.", "INVALID_PAGING_ARGUMENTS");
        }

        foreach (var (name, size) in new[] { ("first", first), ("last", last) })
        {
            if (size < 0)
            {
                throw PagingError($"'{name}' must be 0 or more; it was {size}.", "INVALID_PAGING_ARGUMENTS");
            }

            if (size > MaxPageSize)
            {
                throw PagingError($"'{name}' may be at most {MaxPageSize}; it was {size}. Page through the rest with 'after'.", "PAGE_SIZE_EXCEEDED");
            }
        }

        return new PageRequest(
            last is null ? first ?? DefaultPageSize : null,
            last,
            DecodeCursor(context.GetArgument<string?>("after"), "after"),
            DecodeCursor(context.GetArgument<string?>("before"), "before"),
            context.SubFields?.Values.Any(field => field.Field.Name.StringValue == "totalCount") == true);
    }

    public static string EncodeCursor(int offset) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CursorPrefix + offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// Runs at most two SQL statements: <c>COUNT(*)</c> when <c>totalCount</c> is selected or <c>last</c>
    /// has no <c>before</c> to count back from, and one <c>LIMIT/OFFSET</c> query for the page.
    /// </summary>
    /// <param name="count">Counts the filtered rows.</param>
    /// <param name="readRows">Reads <c>size</c> rows of the ordered, projected list from <c>offset</c>.</param>
    public async Task<Connection<object>> ExecuteAsync<TEntity>(
        Func<Task<int>> count,
        Func<int, int, Task<List<TEntity>>> readRows)
    {
        int? totalCount = _countRequested || (_last is not null && _before is null)
            ? await count()
            : null;

        // The window [start, end) of positions the arguments allow, before first/last cut it.
        var start = _after + 1 ?? 0;
        var end = _before ?? totalCount ?? int.MaxValue;
        int take;
        if (_last is { } last)
        {
            var lastStart = Math.Max(start, end - last);
            (start, take) = (lastStart, Math.Max(0, end - lastStart));
        }
        else
        {
            take = Math.Max(0, Math.Min(_first!.Value, end - start));
        }

        // Without a count or a 'before' row to tell, one row more than asked shows whether a next page exists.
        var probe = totalCount is null && _before is null ? 1 : 0;
        var rows = take + probe == 0
            ? []
            : await readRows(start, take + probe);
        var pageSize = Math.Min(rows.Count, take);
        var hasNextPage = totalCount is { } total ? start + pageSize < total
            : _before is not null || rows.Count > take;

        var edges = rows.Take(take)
            .Select((row, index) => new Edge<object> { Cursor = EncodeCursor(start + index), Node = row })
            .ToList();

        return new Connection<object>
        {
            TotalCount = totalCount,
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = hasNextPage,
                HasPreviousPage = start > 0,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    private static int? DecodeCursor(string? cursor, string argument)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Not base64url: reported below like any other foreign cursor.
        }

        throw PagingError($"The '{argument}' cursor is not one this field issued. Use a cursor from edges or pageInfo.", "INVALID_CURSOR");
    }

    private static ExecutionError PagingError(string message, string code) => new(message) { Code = code };
}
