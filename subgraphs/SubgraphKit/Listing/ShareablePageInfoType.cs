using GraphQL.Federation;
using GraphQL.Types.Relay;

namespace SubgraphKit.Listing;

/// <summary>
/// Relay's <c>PageInfo</c>, marked <c>@shareable</c>: every subgraph pages its own lists with the
/// same value type, and federation only lets several subgraphs resolve a type's fields when they say so.
/// </summary>
public sealed class ShareablePageInfoType : PageInfoType
{
    public ShareablePageInfoType() => this.Shareable();
}
