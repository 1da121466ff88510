namespace SubgraphKit.Entities;

/// <summary>A stored entity whose readable, stable key is a slug; its global id is derived from it.</summary>
public interface ISlugged
{
    string Slug { get; }
}
