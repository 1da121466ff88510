using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Supergraph.Tests;

/// <summary>
/// Two replicas of the glossary on one PostgreSQL database, both serving: what one writes the other
/// reads at once, concurrent writers at one version get one winner, and a replica killed mid-write
/// loses nothing it acknowledged.
/// </summary>
[Trait("Database", "Postgres")]
public sealed class ReplicaTests(TwoGlossaryReplicas replicas, ITestOutputHelper output) : IClassFixture<TwoGlossaryReplicas>
{
    private SubgraphInstance A => replicas.Instances[0];

    private SubgraphInstance B => replicas.Instances[1];

    [Fact]
    public async Task A_write_through_one_replica_is_read_through_the_other_on_the_very_next_request()
    {
        var slug = GlossaryTerms.UniqueSlug("replicated");

        GraphQLAssert.Data(await A.Curator.PostGraphQLAsync(GlossaryTerms.Create, new { input = GlossaryTerms.New(slug) }));
        var createdAsSeenByB = await GlossaryTerms.ReadAsync(B, slug);

        Assert.True(createdAsSeenByB is not null, $"B did not see the term A had just created:\n{replicas.Logs}");
        Assert.Equal((1, GlossaryTerms.FirstDefinition), (createdAsSeenByB["version"]!.GetValue<int>(), createdAsSeenByB["definition"]!.GetValue<string>()));

        GraphQLAssert.Data(await B.Curator.PostGraphQLAsync(GlossaryTerms.Update, new { input = new { slug, version = 1, definition = "Changed through B." } }));
        var updatedAsSeenByA = await GlossaryTerms.ReadAsync(A, slug);

        Assert.Equal((2, "Changed through B."), (updatedAsSeenByA!["version"]!.GetValue<int>(), updatedAsSeenByA["definition"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Fifty_concurrent_updates_at_one_version_spread_over_both_replicas_give_one_winner_and_49_conflicts()
    {
        var slug = GlossaryTerms.UniqueSlug("contended");
        GraphQLAssert.Data(await A.Curator.PostGraphQLAsync(GlossaryTerms.Create, new { input = GlossaryTerms.New(slug) }));
        var readVersion = (await GlossaryTerms.ReadAsync(B, slug))!["version"]!.GetValue<int>();

        // Connections opened beforehand, so the 50 updates leave together rather than one TCP handshake apart.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => GlossaryTerms.ReadAsync(replicas.Instances[i % 2], slug, curator: true)));

        // Even requests to A, odd to B, every one at the version read: all but one must find it stale.
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            replicas.Instances[i % 2].Curator.PostGraphQLAsync(GlossaryTerms.Update, new { input = new { slug, version = readVersion, definition = $"Edit {i}." } })));

        var winners = responses.Where(response => response.Status == HttpStatusCode.OK && response.Errors is null).ToList();
        var losers = responses.Except(winners).ToList();
        output.WriteLine($"winner: {string.Join(", ", winners.Select(winner => winner.Data!["updateTerm"]!["definition"]))} of 50; codes of the others: "
            + string.Join(", ", losers.GroupBy(GlossaryTerms.ErrorCode).Select(group => $"{group.Count()} {group.Key}")));
        var winner = Assert.Single(winners);
        Assert.Equal(49, losers.Count);
        Assert.All(losers, loser => GlossaryTerms.SingleError(loser, "CONFLICT"));
        foreach (var replica in replicas.Instances)
        {
            var stored = (await GlossaryTerms.ReadAsync(replica, slug))!;
            Assert.Equal(readVersion + 1, stored["version"]!.GetValue<int>());
            Assert.Equal(winner.Data!["updateTerm"]!["definition"]!.GetValue<string>(), stored["definition"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Kill_9_of_a_replica_mid_write_loses_no_write_it_acknowledged()
    {
        // Enough writers that requests are always outstanding, so the kill lands mid-write.
        const int Writers = 4;
        const int AcknowledgedBeforeKill = 40;
        var prefix = GlossaryTerms.UniqueSlug("durable");
        var acknowledged = new ConcurrentBag<string>();
        var unanswered = new ConcurrentBag<string>();
        var refusedBeforeKill = new ConcurrentBag<string>();
        var enoughAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = 0;
        var answered = 0;
        var killed = 0;

        async Task WriteUntilKilledAsync(int writer)
        {
            for (var n = 0; ; n++)
            {
                var slug = $"{prefix}-{writer}-{n}";
                GraphQLResponse response;
                Interlocked.Increment(ref sent);
                try
                {
                    response = await A.Curator.PostGraphQLAsync(GlossaryTerms.Create, new { input = GlossaryTerms.New(slug) });
                }
                catch (HttpRequestException)
                {
                    // The connection died with the process: the client cannot know whether this write was stored.
                    unanswered.Add(slug);
                    return;
                }

                Interlocked.Increment(ref answered);
                if (response.Status == HttpStatusCode.OK && response.Errors is null && response.Data?["createTerm"]?["slug"]?.GetValue<string>() == slug)
                {
                    acknowledged.Add(slug);
                }
                else if (Volatile.Read(ref killed) == 0)
                {
                    refusedBeforeKill.Add($"{slug}: {response}");
                }

                if (acknowledged.Count >= AcknowledgedBeforeKill)
                {
                    enoughAcknowledged.TrySetResult();
                }
            }
        }

        var writers = Enumerable.Range(0, Writers).Select(WriteUntilKilledAsync).ToList();
        int outstandingAtKill;
        try
        {
            await enoughAcknowledged.Task.WaitAsync(TimeSpan.FromSeconds(120));
            outstandingAtKill = Volatile.Read(ref sent) - Volatile.Read(ref answered);
            Volatile.Write(ref killed, 1);
            // SIGKILL by PID (Process.Kill): no shutdown, no draining, nothing flushed.
            A.Process.Stop();
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));

            var missing = new List<string>();
            foreach (var slug in acknowledged)
            {
                if (await GlossaryTerms.ReadAsync(B, slug) is null)
                {
                    missing.Add(slug);
                }
            }

            var unansweredButStored = 0;
            foreach (var slug in unanswered)
            {
                unansweredButStored += await GlossaryTerms.ReadAsync(B, slug) is null ? 0 : 1;
            }

            output.WriteLine($"{acknowledged.Count} writes acknowledged before the kill, {outstandingAtKill} outstanding at the kill, "
                + $"{unanswered.Count} unanswered ({unansweredButStored} of them stored all the same); {missing.Count} acknowledged writes missing");
            Assert.Empty(refusedBeforeKill);
            Assert.True(outstandingAtKill > 0, "no write was in flight when the replica was killed");
            Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged writes are missing through B: {string.Join(", ", missing)}");
        }
        finally
        {
            // The other tests of this class need both replicas; a kill before the wait above must still end the writers.
            A.Process.Stop();
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));
            await A.RestartAsync();
        }
    }
}

/// <summary>The glossary's term curation as these tests send it, and reading a term back.</summary>
internal static class GlossaryTerms
{
    public const string Create = "mutation($input: CreateTermInput!) { createTerm(input: $input) { slug version } }";

    public const string Update = "mutation($input: UpdateTermInput!) { updateTerm(input: $input) { slug definition version } }";

    public const string Read = "query($slug: String!) { term(slug: $slug) { slug definition version } }";

    public const string FirstDefinition = "First.";

    /// <summary>A slug no earlier test or run has used on the fixture's database.</summary>
    public static string UniqueSlug(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public static JsonObject New(string slug) => new()
    {
        ["slug"] = slug,
        ["name"] = "Term " + slug,
        ["kind"] = "CONCEPT",
        ["definition"] = FirstDefinition,
        ["section"] = "Related Important Terms",
    };

    /// <summary>
    /// The term as <paramref name="instance"/> reads it now, null when it has none by that slug; through the
    /// client with the write token when <paramref name="curator"/>, to open its connections.
    /// </summary>
    public static async Task<JsonNode?> ReadAsync(SubgraphInstance instance, string slug, bool curator = false) =>
        GraphQLAssert.Data(await (curator ? instance.Curator : instance.Reader).PostGraphQLAsync(Read, new { slug }))["term"];

    public static string? ErrorCode(GraphQLResponse response) =>
        response.Errors is [var first, ..] ? first?["extensions"]?["code"]?.GetValue<string>() : null;

    /// <summary>A 200 with exactly one error, of <paramref name="code"/>, and no stack trace.</summary>
    public static JsonObject SingleError(GraphQLResponse response, string code)
    {
        Assert.True(response.Status == HttpStatusCode.OK, $"Expected 200, got {response}");
        GraphQLAssert.NoStackTrace(response);
        var error = Assert.IsType<JsonObject>(Assert.Single(response.Errors ?? []), exactMatch: false);
        Assert.True(code == error["extensions"]?["code"]?.GetValue<string>(), $"Expected {code}, got {response}");
        return error;
    }
}
