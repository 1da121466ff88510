using System.Text.Json;

namespace SubgraphKit.Limits;

/// <summary>
/// The nesting of a request's JSON, measured by a forward-only reader before it is deserialized: the
/// deserializer recurses per level and gives up at 64 with a bare "not JSON" error, and GraphQL.NET
/// coerces a variable recursively, so a value deeper than <see cref="RequestLimits.MaxInputDepth"/>
/// gets the limit's own error, whatever its depth.
/// </summary>
public static class JsonInputDepth
{
    /// <summary>
    /// Whether a value under <paramref name="envelope"/> levels of request object (2 for a POST body's
    /// <c>variables</c> or <c>extensions</c>, 1 for a GET parameter) nests more than <paramref name="max"/>
    /// levels of arrays and objects. Malformed JSON is not measured past where it breaks: the deserializer reports it.
    /// </summary>
    public static bool Exceeds(ReadOnlySpan<byte> json, int envelope, int max)
    {
        var limit = envelope + max;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = limit + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= limit)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON from here on: left to the deserializer, which says where.
        }

        return false;
    }

    /// <summary>The limit's error for a request that <see cref="Exceeds"/> it.</summary>
    public static string Message(int max) =>
        $"A variable or extension value nests arrays and objects more than {max} levels deep, the limit of this endpoint.";
}
