using System.Buffers.Text;
using System.Text;

namespace SubgraphKit.Identity;

/// <summary>
/// Opaque global object ids (Relay's Global Object Identification): "TypeName:slug", base64url.
/// The id is every entity's federation key, so any subgraph can decode a representation without
/// asking the owner; the slug stays the readable key for lookups and URLs.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, string slug) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(typeName + ":" + slug));

    /// <summary>Decodes an id of the expected type; false for malformed ids and ids of other types.</summary>
    public static bool TryDecode(string? id, string expectedTypeName, out string slug)
    {
        if (TryDecode(id, out var typeName, out slug) && typeName == expectedTypeName)
        {
            return true;
        }

        slug = string.Empty;
        return false;
    }

    /// <summary>Decodes an id of any type (for <c>Query.node</c>); false for malformed ids.</summary>
    public static bool TryDecode(string? id, out string typeName, out string slug)
    {
        typeName = slug = string.Empty;
        if (string.IsNullOrEmpty(id) || id.Length > 512)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(id);
        }
        catch (FormatException)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes);
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0 || separator == text.Length - 1)
        {
            return false;
        }

        // No slug holds a control character, and PostgreSQL cannot even compare text holding NUL.
        if (text.AsSpan(separator + 1).ContainsAnyInRange('\0', '\x1f'))
        {
            return false;
        }

        typeName = text[..separator];
        slug = text[(separator + 1)..];
        return true;
    }

    /// <summary>Decodes ids of one type, silently dropping the ones that are not (they resolve to null).</summary>
    public static string? SlugOrNull(string? id, string expectedTypeName) =>
        TryDecode(id, expectedTypeName, out var slug) ? slug : null;
}
