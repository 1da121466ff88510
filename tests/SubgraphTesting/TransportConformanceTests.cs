using System.Net;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Data;
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
    public async Task The_database_is_the_factory_s_own()
    {
        await using var db = factory.CreateDbContext();
        await db.Database.OpenConnectionAsync();

        if (factory.Database == DatabaseEngine.Sqlite)
        {
            Assert.True(File.Exists(factory.DatabaseName), $"{factory.DatabaseName} should have been created by the migrations.");
            Assert.Equal(factory.DatabaseName, db.Database.GetDbConnection().DataSource);
        }
        else
        {
            Assert.Equal(factory.DatabaseName, await ScalarAsync(db, "SELECT current_database()"));
        }
    }

    /// <summary>
    /// Readers never wait for a writer, and a writer waits for a busy one instead of failing. SQLite needs the
    /// kit's settings for that (WAL mode, a busy timeout); PostgreSQL's MVCC gives the first, and its lock waits,
    /// unbounded unless lock_timeout is set, the second.
    /// </summary>
    [Fact]
    public async Task Readers_never_wait_for_a_writer_and_a_writer_waits_for_a_busy_one()
    {
        await using var writer = factory.CreateDbContext();
        await using var reader = factory.CreateDbContext();
        await writer.Database.OpenConnectionAsync();
        if (factory.Database == DatabaseEngine.Sqlite)
        {
            Assert.Equal("wal", await ScalarAsync(writer, "PRAGMA journal_mode;"));
            Assert.Equal(SqliteConnectionSettings.BusyTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), await ScalarAsync(writer, "PRAGMA busy_timeout;"));
        }
        else
        {
            Assert.Equal("0", await ScalarAsync(writer, "SHOW lock_timeout"));
        }

        // A write left uncommitted (every engine has EF's history table): the reader still reads, at once.
        await using var write = await writer.Database.BeginTransactionAsync();
        await writer.Database.ExecuteSqlRawAsync("""UPDATE "__EFMigrationsHistory" SET "ProductVersion" = "ProductVersion" """);
        var migrations = await ScalarAsync(reader, """SELECT count(*) FROM "__EFMigrationsHistory" """).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.NotEqual("0", migrations);
    }

    private static async Task<string?> ScalarAsync(DbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
