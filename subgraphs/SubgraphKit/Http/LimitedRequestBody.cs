using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace SubgraphKit.Http;

/// <summary>
/// A request body buffered up to a limit, for the subgraphs' endpoint and the gateway's edge alike.
/// What is left of a larger body is not read here: Kestrel drains it after the 413, so the client's
/// connection stays usable for its next request.
/// </summary>
public static class LimitedRequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/>, however it is framed.</summary>
    public static async Task<MemoryStream?> ReadAsync(HttpRequest http, int limit)
    {
        if (http.ContentLength > limit)
        {
            return null;
        }

        var buffer = new MemoryStream(http.ContentLength is { } length ? (int)length : 4096);
        var chunk = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            int read;
            while ((read = await http.Body.ReadAsync(chunk, http.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        buffer.Position = 0;
        return buffer;
    }
}
