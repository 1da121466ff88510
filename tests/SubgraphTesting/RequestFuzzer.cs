using System.Net;
using System.Text;
using System.Text.Json;

namespace SubgraphTesting;

/// <summary>
/// Generates malformed and abusive GraphQL-over-HTTP requests from a seed, so a failing run can be
/// replayed: broken and truncated JSON, random bytes, wrong JSON shapes, wrong variable types,
/// deep and wide queries, alias and directive bombs, fragment cycles, oversized bodies, odd methods,
/// media types and Accept headers, hostile strings in arguments, and GET variants.
/// </summary>
public sealed class RequestFuzzer(int seed, ListCycle lists)
{
    private const string Endpoint = "/graphql";

    private static readonly int[] OneItemList = [1];

    private readonly Random _random = new(seed);

    /// <summary>The kinds of request, each picked with the same chance.</summary>
    public static readonly string[] Kinds =
    [
        "random-bytes", "truncated-json", "wrong-json-shape", "syntax-garbage", "deep-query", "alias-bomb",
        "token-flood", "oversized-body", "wrong-content-type", "wrong-method", "get-variants",
        "wrong-variable-types", "hostile-strings", "directive-bomb", "fragment-cycle", "deep-introspection",
        "batch-array", "bad-mutation", "bad-accept", "invalid-utf8",
    ];

    /// <summary>The next request and the kind it is.</summary>
    public (string Kind, HttpRequestMessage Request) Next()
    {
        var kind = Kinds[_random.Next(Kinds.Length)];
        return (kind, kind switch
        {
            "random-bytes" => Post(RandomBytes(_random.Next(1, 4096)), "application/json"),
            "truncated-json" => Post(Truncated(Json(new { query = Nested(_random.Next(2, 6)), variables = new { first = 3 } }))),
            "wrong-json-shape" => Post(Pick("[]", "[1,2]", "42", "\"query\"", "null", "true", """{"query": 5}""", """{"query": null}""",
                """{"query": ["{ __typename }"]}""", """{"query": "{ __typename }", "variables": "x"}""", """{"query": "{ __typename }", "variables": [1]}""",
                """{"query": "{ __typename }", "extensions": 7}""", """{"query": "{ __typename }", "operationName": 9}""", """{"variables": {}}""", "{}")),
            "syntax-garbage" => Post(Json(new { query = Garbage() })),
            "deep-query" => Post(Json(new { query = Deep(_random.Next(10, 400)) })),
            "alias-bomb" => Post(Json(new { query = "{ " + string.Join(" ", Enumerable.Range(0, _random.Next(20, 3000)).Select(i => $"a{i}: __typename")) + " }" })),
            "token-flood" => Post(Json(new { query = "{ " + string.Join(" ", Enumerable.Repeat("__typename", _random.Next(500, 9000))) + " }" })),
            "oversized-body" => Post(Json(new { query = "{ __typename }", variables = new { padding = new string('x', _random.Next(101, 400) * 1024) } })),
            "wrong-content-type" => Post(Json(new { query = "{ __typename }" }), Pick("text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "", "application/json; charset=latin1", "application/graphql")),
            "wrong-method" => new HttpRequestMessage(new HttpMethod(Pick("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND")), Endpoint) { Content = Body(Json(new { query = "{ __typename }" }), "application/json") },
            "get-variants" => Get(),
            "wrong-variable-types" => Post(Json(new
            {
                query = $"query($first: Int, $after: String) {{ {lists.Root}(first: $first, after: $after) {{ nodes {{ __typename }} }} }}",
                variables = new Dictionary<string, object?> { ["first"] = PickObject("ten", 1e300, -5, true, OneItemList, 99999999999L, null), ["after"] = PickObject(42, "", "%%%", new { a = 1 }, null) },
            })),
            "hostile-strings" => Post(Json(new { query = $$"""{ {{lists.Root}}(first: 5, after: "{{Escape(Hostile())}}") { nodes { __typename } } }""" })),
            "directive-bomb" => Post(Json(new { query = "{ __typename " + string.Concat(Enumerable.Repeat("@include(if: true) ", _random.Next(20, 2000))) + "}" })),
            "fragment-cycle" => Post(Json(new { query = "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A __typename }" })),
            "deep-introspection" => Post(Json(new { query = "{ __schema { types { " + Deep(_random.Next(5, 60), "fields { type { ofType", " } }") + " } } }" })),
            "batch-array" => Post("[" + string.Join(",", Enumerable.Repeat(Json(new { query = "{ __typename }" }), _random.Next(2, 500))) + "]"),
            "bad-mutation" => Post(Json(new { query = Pick("mutation { __typename }", "mutation { nope(input: {}) }", "mutation($i: DeleteInput!) { deleteTerm(input: $i) }"), variables = new { i = new { slug = 5, version = "x" } } })),
            "bad-accept" => Post(Json(new { query = "{ __typename }" }), "application/json", Pick("text/html", "image/png", "application/xml", ";;;", "*/*;q=abc", "application/graphql-response+json;q=0")),
            "invalid-utf8" => Post(InvalidUtf8(), "application/json"),
            _ => throw new InvalidOperationException(kind),
        });
    }

    private HttpRequestMessage Get()
    {
        var query = Pick(
            "?query=" + Uri.EscapeDataString("mutation { __typename }"),
            "?query=" + Uri.EscapeDataString("{ __typename }") + "&variables=%7Bnot-json",
            "?query=" + Uri.EscapeDataString("{ __typename }") + "&extensions=[1]",
            "?query=",
            "?query=" + new string('a', _random.Next(9000, 40000)),
            "?variables=%7B%7D",
            "?query=%FF%FE%00",
            "?query=" + Uri.EscapeDataString(Garbage()));
        var request = new HttpRequestMessage(HttpMethod.Get, Endpoint + query);
        request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
        return request;
    }

    private static HttpRequestMessage Post(string body, string contentType = "application/json", string accept = "application/graphql-response+json") =>
        Post(Encoding.UTF8.GetBytes(body), contentType, accept);

    private static HttpRequestMessage Post(byte[] body, string contentType, string accept = "application/graphql-response+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = Body(body, contentType) };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    private static ByteArrayContent Body(string body, string contentType) => Body(Encoding.UTF8.GetBytes(body), contentType);

    private static ByteArrayContent Body(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType.Length > 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static string Escape(string value) => JsonSerializer.Serialize(value)[1..^1];

    private string Nested(int depth) => lists.Nested(depth);

    private static string Deep(int depth, string open = "__typename_x {", string close = " }") =>
        string.Concat(Enumerable.Repeat(open + " ", depth)) + "__typename" + string.Concat(Enumerable.Repeat(close, depth));

    private string Deep(int depth) => "{ " + Deep(depth, lists.Root + " { nodes {", " } }") + " }";

    private string Truncated(string json) => json[.._random.Next(1, json.Length)];

    private string Garbage()
    {
        string[] tokens = ["{", "}", "(", ")", "[", "]", ":", "$", "@", "...", "!", "=", "\"", "\"\"\"", "query", "mutation", "fragment", "on", lists.Root, "__typename", "#", "\\u0000", "1e999", "-", "|", "&"];
        return string.Join(_random.Next(2) == 0 ? " " : "", Enumerable.Range(0, _random.Next(1, 200)).Select(_ => tokens[_random.Next(tokens.Length)]));
    }

    private string Hostile() => Pick(
        "' OR 1=1 --", "\"; DROP TABLE Terms; --", "%", "_", "\\", "\u0000", "\uFFFF", "😀😀😀", new string('a', 5000),
        "b2Zmc2V0Oi0x", "b2Zmc2V0Ojk5OTk5OTk5OTk5", "../../etc/passwd", "<script>alert(1)</script>", "NEAR(a b)", "\"unbalanced");

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private byte[] InvalidUtf8()
    {
        var prefix = Encoding.UTF8.GetBytes("{\"query\": \"{ __typename } ");
        return [.. prefix, 0xC3, 0x28, 0xFF, 0xFE, (byte)_random.Next(128, 256), .. Encoding.UTF8.GetBytes("\"}")];
    }

    private T Pick<T>(params T[] values) => values[_random.Next(values.Length)];

    private object? PickObject(params object?[] values) => values[_random.Next(values.Length)];
}

/// <summary>How many responses had each status code, per request kind too.</summary>
public sealed class StatusHistogram
{
    private readonly SortedDictionary<int, int> _byStatus = [];
    private readonly SortedDictionary<string, SortedDictionary<int, int>> _byKind = new(StringComparer.Ordinal);

    public int Total { get; private set; }

    public IReadOnlyDictionary<int, int> ByStatus => _byStatus;

    public void Add(string kind, HttpStatusCode status)
    {
        var code = (int)status;
        Total++;
        _byStatus[code] = _byStatus.GetValueOrDefault(code) + 1;
        if (!_byKind.TryGetValue(kind, out var counts))
        {
            _byKind[kind] = counts = [];
        }

        counts[code] = counts.GetValueOrDefault(code) + 1;
    }

    public override string ToString() =>
        $"{Total} requests: " + string.Join(", ", _byStatus.Select(pair => $"{pair.Key} × {pair.Value}")) + "\n"
        + string.Join("\n", _byKind.Select(kind => $"  {kind.Key}: " + string.Join(", ", kind.Value.Select(pair => $"{pair.Key} × {pair.Value}"))));
}

/// <summary>Sends a fuzzer's requests, a few at a time, and counts the answers.</summary>
public static class FuzzRun
{
    /// <summary>What each endpoint gets: 2,000 in ./test.sh; bench/fuzz.sh sets FUZZ_REQUESTS=10000.</summary>
    public static int RequestsPerEndpoint { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS"), out var count) && count > 0 ? count : 2000;

    /// <summary>A fixed seed: a failure replays exactly.</summary>
    public const int Seed = 20261126;

    public static async Task<(StatusHistogram Histogram, List<string> ServerErrors)> SendAsync(HttpClient client, RequestFuzzer fuzzer, int count, int parallelism = 8)
    {
        var histogram = new StatusHistogram();
        var serverErrors = new List<string>();
        var requests = Enumerable.Range(0, count).Select(_ => fuzzer.Next()).ToList();
        using var gate = new SemaphoreSlim(parallelism);
        await Task.WhenAll(requests.Select(async item =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await client.SendAsync(item.Request);
                var body = await response.Content.ReadAsStringAsync();
                lock (histogram)
                {
                    histogram.Add(item.Kind, response.StatusCode);
                    if ((int)response.StatusCode >= 500 && serverErrors.Count < 5)
                    {
                        serverErrors.Add($"{item.Kind}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 400)]}");
                    }
                }
            }
            finally
            {
                item.Request.Dispose();
                gate.Release();
            }
        }));
        return (histogram, serverErrors);
    }
}
