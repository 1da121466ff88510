using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;
using SubgraphKit.Limits;

namespace SubgraphKit.Listing;

/// <summary>
/// <c>{Type}Connection</c> in HotChocolate's shape: <c>edges</c>, <c>nodes</c>, <c>pageInfo</c> and
/// <c>totalCount</c>, all non-null. GraphQL.NET's own ConnectionType has nullable edges, a nullable count
/// and an extra <c>items</c> field, so the kit declares the type and reuses GraphQL.NET's edge and page info.
/// </summary>
public sealed class EntityConnectionType<TNodeType> : ObjectGraphType<Connection<object>>
    where TNodeType : IGraphType
{
    /// <summary>A <c>COUNT(*)</c> over the filtered rows: a second SQL statement, as costly as the page itself (@cost).</summary>
    public const int TotalCountCost = 5;

    public EntityConnectionType()
    {
        Name = typeof(TNodeType).GraphQLName() + "Connection";
        Description = "A page of a list, with cursors to move from it.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType>>>>>("edges")
            .Description("The page's rows, each with its cursor.")
            .Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The page's rows, without cursors.")
            .Resolve(context => context.Source.Edges!.Select(edge => edge.Node));
        Field<NonNullGraphType<ShareablePageInfoType>>("pageInfo")
            .Description("Whether there are pages before and after this one, and the cursors to reach them.")
            .Resolve(context => context.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many rows meet the filter, across all pages. Counted only when selected.")
            .Resolve(context => context.Source.TotalCount)
            .Cost(TotalCountCost);
    }
}
