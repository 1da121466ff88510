using GraphQL.Builders;
using GraphQL.Types;
using SubgraphKit.Limits;

namespace SubgraphKit.Listing;

public static class ConnectionFieldExtensions
{
    /// <summary>
    /// A list root field as a Relay connection, with <c>where</c> and <c>order</c> from
    /// <typeparamref name="TListing"/>, and <c>first</c>/<c>after</c>/<c>last</c>/<c>before</c>.
    /// </summary>
    public static FieldBuilder<object?, object> ConnectionField<TNodeType, TListing>(this ObjectGraphType query, string name)
        where TNodeType : IGraphType
        where TListing : EntityListing, new()
    {
        var listing = new TListing();
        return query.Field<NonNullGraphType<EntityConnectionType<TNodeType>>>(name)
            .Argument<FilterInputType<TListing>>("where", "Only the rows that meet these conditions.")
            .Argument<ListGraphType<NonNullGraphType<SortInputType<TListing>>>>("order", "Sort keys, applied in turn; the default order breaks ties.")
            .Argument<IntGraphType>("first", $"The first n rows after 'after' (default {PageRequest.DefaultPageSize}, at most {PageRequest.MaxPageSize}).")
            .Argument<StringGraphType>("after", "A cursor from a previous page: start after this row.")
            .Argument<IntGraphType>("last", $"The last n rows before 'before' (at most {PageRequest.MaxPageSize}).")
            .Argument<StringGraphType>("before", "A cursor from a previous page: end before this row.")
            .ResolveAsync(listing.ResolveAsync)
            .ConnectionListSize(PageRequest.DefaultPageSize);
    }
}
