// The S1 baseline: what `{ roles { nodes { id name } } }` costs with no GraphQL at all. Like a real endpoint it
// reads and parses the JSON request body (400 without a string "query"), then reads the same Roles table of the
// roles subgraph's SQLite database (read-only) and writes the same JSON the subgraph returns:
// {"data":{"roles":{"nodes":[{"id":"<base64url(Role:slug)>","name":"..."}]}}}, whatever the query says.
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString("Roles")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Roles=Data Source=<roles.db>.");
var readOnly = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString();

var app = builder.Build();

app.MapGet("/health/ready", async () =>
{
    await using var connection = new SqliteConnection(readOnly);
    await connection.OpenAsync();
    return Results.Ok("Healthy");
});

app.MapPost("/graphql", async (HttpContext http) =>
{
    var request = await JsonSerializer.DeserializeAsync(http.Request.Body, BaselineJson.Default.GraphQLRequest, http.RequestAborted);
    if (string.IsNullOrEmpty(request?.Query))
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }

    await using var connection = new SqliteConnection(readOnly);
    await connection.OpenAsync(http.RequestAborted);
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT Slug, Name FROM Roles ORDER BY Name, Slug LIMIT 11";
    await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);

    http.Response.ContentType = "application/json; charset=utf-8";
    await using var json = new Utf8JsonWriter(http.Response.Body);
    json.WriteStartObject();
    json.WriteStartObject("data");
    json.WriteStartObject("roles");
    json.WriteStartArray("nodes");
    while (await reader.ReadAsync(http.RequestAborted))
    {
        json.WriteStartObject();
        json.WriteString("id", Base64Url.EncodeToString(Encoding.UTF8.GetBytes("Role:" + reader.GetString(0))));
        json.WriteString("name", reader.GetString(1));
        json.WriteEndObject();
    }

    json.WriteEndArray();
    json.WriteEndObject();
    json.WriteEndObject();
    json.WriteEndObject();
    await json.FlushAsync(http.RequestAborted);
});

await app.RunAsync();

internal sealed record GraphQLRequest(string? Query, string? OperationName, JsonElement? Variables, JsonElement? Extensions);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GraphQLRequest))]
internal sealed partial class BaselineJson : JsonSerializerContext;
