using GraphQL.Types;

namespace SubgraphKit.Curation;

public static class VersionFieldExtensions
{
    /// <summary>Adds <c>version: Int!</c>, which an update or delete must send back unchanged.</summary>
    public static void VersionField<T>(this ObjectGraphType<T> type)
        where T : IVersioned =>
        type.Field<NonNullGraphType<IntGraphType>>("version")
            .Description("Increases with every edit. Send it back with an update or delete; a stale one gets a CONFLICT error.")
            .Resolve(context => context.Source.Version);
}
