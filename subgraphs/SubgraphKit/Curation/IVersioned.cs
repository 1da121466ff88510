namespace SubgraphKit.Curation;

/// <summary>
/// A record that curators edit: its version is an EF concurrency token, so an update sent with a
/// stale version changes nothing and gets a <c>CONFLICT</c> error instead of silently losing a write.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
