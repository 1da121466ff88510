using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Supergraph.Tests;

/// <summary>
/// graphql-http's audit (the GraphQL-over-HTTP spec's reference implementation, run by
/// gateway/http-audit.mjs) against the gateway and each subgraph, as they run together: no MUST may
/// fail, and the only SHOULDs not met are the two the audit still words as before the spec's
/// watershed. The system runs in development mode, because several audits query <c>__type</c>,
/// which production refuses. Every result is written to the test output.
/// </summary>
[Collection(SharedSupergraph.Name)]
public sealed class GraphQLOverHttpAuditTests(SupergraphFixture system, ITestOutputHelper output)
{
    /// <summary>
    /// 47DE "SHOULD accept */* and use application/json" and 80D8 "SHOULD assume application/json when
    /// accept is missing": graphql-http 1.23 keeps the pre-2025 default. The draft's watershed makes
    /// application/graphql-response+json the default from 2025-01-01, which is what we answer.
    /// </summary>
    private static readonly string[] PreWatershedAudits = ["47DE", "80D8"];

    /// <summary>
    /// BF61 "MUST accept utf-8 encoded request" sends <c>__type(name: "Run🏃Swim🏊")</c>. Grafbase's parser
    /// (cynic-parser 0.10) cannot read a string literal holding a character beyond U+FFFF, so the gateway
    /// refuses it with a clear 400 (QueryTextTests) where the spec wants 200: a known gap of the engine,
    /// asserted as such below so that the exception goes when the engine is fixed.
    /// </summary>
    private const string EngineParserGap = "BF61";

    public static TheoryData<string> Endpoints() => ["Gateway", .. SupergraphFixture.SubgraphNames];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task No_must_fails_and_every_should_is_met_but_the_pre_watershed_default(string endpoint)
    {
        var url = new Uri(endpoint == "Gateway" ? system.GatewayUrl : system.SubgraphUrl(endpoint), GraphQLHttpClientExtensions.Endpoint).ToString();

        var audit = await Command.RunAsync("node", ["http-audit.mjs", url], Repo.Path("gateway"));

        Assert.True(audit.ExitCode == 0, audit.Output);
        var results = JsonNode.Parse(audit.StandardOutput)![url]!.AsArray().Select(result => (
            Id: result!["id"]!.GetValue<string>(),
            Name: result["name"]!.GetValue<string>(),
            Status: result["status"]!.GetValue<string>(),
            Reason: result["reason"]?.GetValue<string>())).ToList();
        foreach (var (id, name, status, reason) in results)
        {
            output.WriteLine($"{status,-6} {id} {name}{(reason is null ? string.Empty : " -- " + reason)}");
        }

        Assert.NotEmpty(results);
        if (endpoint == "Gateway")
        {
            Assert.Equal("error", results.Single(result => result.Id == EngineParserGap).Status);
            results.RemoveAll(result => result.Id == EngineParserGap);
        }

        Assert.Empty(results.Where(result => result.Status == "error").Select(result => $"{result.Id} {result.Name}: {result.Reason}"));
        Assert.Empty(results.Where(result => result.Status != "ok" && !PreWatershedAudits.Contains(result.Id)).Select(result => $"{result.Id} {result.Name}: {result.Reason}"));
    }
}
