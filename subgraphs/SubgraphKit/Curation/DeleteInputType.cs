using GraphQL.Types;

namespace SubgraphKit.Curation;

/// <summary><c>input DeleteInput { slug, version }</c>: which record, at the version the client last read.</summary>
public sealed class DeleteInputType : InputObjectGraphType<DeleteInput>
{
    public DeleteInputType()
    {
        Name = "DeleteInput";
        Field(input => input.Slug).Description("The record's slug.");
        Field(input => input.Version).Description("The version the client last read.");
    }
}

public sealed record DeleteInput(string Slug, int Version) : IRecordAtVersion;
