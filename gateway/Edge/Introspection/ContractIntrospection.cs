using Edge.Hosting;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using SubgraphKit.Http;

namespace Edge.Introspection;

/// <summary>
/// Answers operations that select nothing but introspection (<c>__schema</c>, <c>__type</c>,
/// <c>__typename</c>) from the committed public API, schema/api.graphql, with GraphQL.NET's own
/// introspection. The engine counts introspection against its depth and complexity limits like data, and
/// an IDE's full introspection query is over them (Banana Cake Pop's nests 11 levels and costs just over
/// the complexity limit); the API is a fixed function of the committed contract, so answering it here
/// costs no engine work and no subgraph. Production refuses introspection before this is reached.
/// </summary>
public sealed class ContractIntrospection(IDocumentExecuter executer, IGraphQLTextSerializer serializer)
{
    private readonly Lazy<Schema> _schema = new(Load);

    /// <summary>Runs the request the gate admitted (its body buffered, or its query string) and writes the answer.</summary>
    public async Task AnswerAsync(HttpContext http, string mediaType)
    {
        var request = HttpMethods.IsGet(http.Request.Method)
            ? new GraphQLRequest
            {
                Query = http.Request.Query["query"],
                OperationName = http.Request.Query["operationName"],
                Variables = string.IsNullOrEmpty(http.Request.Query["variables"]) ? null : serializer.Deserialize<Inputs>(http.Request.Query["variables"]),
            }
            : await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = _schema.Value,
            Query = request!.Query,
            OperationName = string.IsNullOrEmpty(request.OperationName) ? null : request.OperationName,
            Variables = request.Variables,
            CancellationToken = http.RequestAborted,
        });

        // As the spec and the engine answer: a request that never executed is 400 under graphql-response+json.
        http.Response.StatusCode = !result.Executed && mediaType == GraphQLMediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static Schema Load()
    {
        var sdl = File.ReadAllText(GatewayDirectory.Resolve("../schema/api.graphql"));

        // Only introspection runs on this schema: no field of the API is resolved, and no abstract type's
        // value either, but GraphQL.NET checks at start that each could be.
        var abstractTypes = GraphQLParser.Parser.Parse(sdl).Definitions
            .Select(definition => definition switch
            {
                GraphQLParser.AST.GraphQLInterfaceTypeDefinition type => type.Name.StringValue,
                GraphQLParser.AST.GraphQLUnionTypeDefinition type => type.Name.StringValue,
                _ => null,
            })
            .OfType<string>();
        var schema = Schema.For(sdl, builder =>
        {
            foreach (var name in abstractTypes)
            {
                builder.Types.For(name).ResolveType = _ => null!;
            }
        });
        schema.Initialize();
        return schema;
    }
}
