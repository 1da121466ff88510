using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace SubgraphTesting;

/// <summary>
/// The GraphQL-over-HTTP behaviour of SubgraphKit's endpoint: the contract shared with the gateway
/// (<see cref="GraphQLOverHttpConformanceTests"/>), plus what only a subgraph has (an IDE-less
/// endpoint, health probes, its database). Every subgraph test project derives one empty class from
/// this, so the same transport contract is checked against every subgraph.
/// </summary>
public abstract class TransportConformanceTests<TProgram>(SubgraphFactory<TProgram> factory)
    : GraphQLOverHttpConformanceTests, IClassFixture<SubgraphFactory<TProgram>>
    where TProgram : class
{
    protected override HttpClient Client { get; } = factory.CreateClient();

    protected override string UnknownFieldCode => "FIELDS_ON_CORRECT_TYPE";

    /// <summary>A subgraph serves no IDE, so a browser's GET is 406 like any other unacceptable Accept (the gateway serves Banana Cake Pop).</summary>
    [Theory]
    [InlineData("text/html")]
    [InlineData("text/html, application/xhtml+xml")]
    public Task Get_accepting_only_html_is_406(string accept) => AssertGetIsNotAcceptableAsync(accept);

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_probes_answer_200(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_database_is_the_factory_s_own_temporary_file()
    {
        Assert.True(File.Exists(factory.DatabasePath), $"{factory.DatabasePath} should have been created by the migrations.");
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode_and_connections_wait_for_a_busy_writer()
    {
        await using var db = factory.CreateDbContext();
        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
        Assert.Equal(SubgraphKit.Data.SqliteConnectionSettings.BusyTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), await PragmaAsync(db, "busy_timeout"));
    }

    private static async Task<string?> PragmaAsync(DbContext db, string pragma)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
