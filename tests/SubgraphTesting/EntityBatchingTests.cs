using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SubgraphKit.Entities;
using SubgraphKit.Identity;
using Xunit;

namespace SubgraphTesting;

/// <summary>
/// What the gateway relies on when it resolves many entities of this subgraph at once: one
/// <c>_entities</c> call with N representations of a type costs one SQL query, and still works when
/// SQL is truly asynchronous (no DbContext is shared by the resolvers that run in parallel).
/// A subgraph test project derives one class, names its owned entity types and some of their slugs,
/// and adds a theory per type that calls the assertions below.
/// </summary>
public abstract class EntityBatchingTests<TProgram>(SubgraphFactory<TProgram> factory) : IClassFixture<SubgraphFactory<TProgram>>
    where TProgram : class
{
    /// <summary>Enough to make any per-representation query obvious, and the gateway's usual batch size.</summary>
    protected const int RepresentationCount = 50;

    /// <summary>With this per-command delay, DbContext sharing between parallel resolvers would fail.</summary>
    private static readonly TimeSpan SlowSql = TimeSpan.FromMilliseconds(20);

    protected SubgraphFactory<TProgram> Factory { get; } = factory;

    protected HttpClient Client { get; } = factory.CreateClient();

    /// <summary>The entity types this subgraph owns, each with slugs that exist in its seed data.</summary>
    protected abstract IReadOnlyDictionary<string, string[]> OwnedEntities { get; }

    [Fact]
    public async Task Entities_of_every_owned_type_in_one_request_run_one_sql_query_per_type()
    {
        var representations = OwnedEntities
            .SelectMany(type => Representations(type.Key, type.Value, RepresentationCount / OwnedEntities.Count))
            .ToList();
        var selections = string.Join(" ", OwnedEntities.Keys.Select(type => $"... on {type} {{ id }}"));
        var query = $$"""
            query Entities($representations: [_Any!]!) {
              _entities(representations: $representations) { __typename {{selections}} }
            }
            """;

        Factory.SqlCommands.Reset();
        var response = await Client.PostGraphQLAsync(query, Entities.Variables(representations));

        AssertResolved(response, representations);
        Assert.True(Factory.SqlCommands.Count == OwnedEntities.Count, SqlReport(OwnedEntities.Count));
    }

    [Fact]
    public async Task Entities_read_only_the_columns_the_selection_needs()
    {
        foreach (var (typeName, slugs) in OwnedEntities)
        {
            Factory.SqlCommands.Reset();
            var response = await Client.PostGraphQLAsync(Entities.QueryFor(typeName, "id"), Entities.Variables(Representations(typeName, slugs, 5)));

            GraphQLAssert.Data(response);
            var sql = Assert.Single(Factory.SqlCommands.Commands);
            // The id derives from the slug: it is the one column read, not every text and JSON column.
            // (EF quotes the table's alias on SQLite, "r"."Slug", and not on PostgreSQL, r."Slug".)
            Assert.Matches(new Regex(@"^SELECT ""?\w+""?\.""Slug""\s+FROM", RegexOptions.Singleline), sql);
        }
    }

    /// <summary>
    /// GraphQL merges a field selected twice into one, with both sub-selections; the columns read must
    /// cover both, or the second selection's fields would see the property's default (a null name).
    /// </summary>
    [Fact]
    public async Task A_field_selected_twice_reads_the_columns_of_both_selections()
    {
        foreach (var (typeName, slugs) in OwnedEntities)
        {
            var query = $$"""
                query Entities($representations: [_Any!]!) {
                  _entities(representations: $representations) { ... on {{typeName}} { id } }
                  _entities(representations: $representations) { ... on {{typeName}} { name } }
                }
                """;
            var response = await Client.PostGraphQLAsync(query, Entities.Variables(slugs.Take(3).Select(slug => Entities.RepresentationOf(typeName, slug))));

            var entities = Assert.IsType<JsonArray>(GraphQLAssert.Data(response)["_entities"]);
            Assert.All(entities, entity => Assert.False(string.IsNullOrEmpty(entity?["name"]?.GetValue<string>()), $"{typeName} without its name: {entity}"));
        }
    }

    /// <summary>
    /// Projection maps a selected field to the property of the same name, or to one marked with
    /// <see cref="ReadByFieldAttribute"/>. A column that no field of its type is named after would be
    /// left out of every projection, and the field that does read it would see the property's default.
    /// </summary>
    [Fact]
    public void Every_column_of_an_owned_entity_is_read_by_a_field_of_its_type()
    {
        var schema = Factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var unread = new List<string>();
        foreach (var typeName in OwnedEntities.Keys)
        {
            var type = Assert.IsAssignableFrom<IObjectGraphType>(schema.AllTypes[typeName]);
            var entityType = type.GetType().BaseType!.GetGenericArguments().Single();
            foreach (var (field, property) in Projection.ColumnsByField(entityType))
            {
                if (!type.Fields.Any(candidate => string.Equals(candidate.Name, field, StringComparison.OrdinalIgnoreCase)))
                {
                    unread.Add($"{entityType.Name}.{property.Name} (no field '{field}' on {typeName})");
                }
            }
        }

        Assert.True(unread.Count == 0, "Columns no field reads; name the field with [ReadByField]: " + string.Join(", ", unread));
    }

    /// <summary>50 representations of an owned type, known and unknown ids mixed: one SQL command.</summary>
    protected Task AssertOneSqlQueryFor50RepresentationsAsync(string typeName) =>
        AssertBatchedAsync(typeName, OwnedEntities[typeName], "id", owned: true, slowSql: false);

    /// <summary>The same with every SQL command delayed: all 50 come back, with no "second operation" errors.</summary>
    protected Task AssertAll50ResolveWithSlowSqlAsync(string typeName) =>
        AssertBatchedAsync(typeName, OwnedEntities[typeName], "id", owned: true, slowSql: true);

    /// <summary>
    /// For an entity this subgraph only contributes fields to: 50 representations, selecting one field
    /// that a batch loader resolves (<paramref name="selection"/>, such as <c>practices { slug }</c>),
    /// cost one SQL command, with or without slow SQL. Every representation resolves (to its key), as
    /// the owner has already vouched for it.
    /// </summary>
    protected Task AssertOneSqlQueryForContributedFieldAsync(string typeName, string[] slugs, string selection, bool slowSql) =>
        AssertBatchedAsync(typeName, slugs, "id " + selection, owned: false, slowSql);

    private async Task AssertBatchedAsync(string typeName, string[] slugs, string selection, bool owned, bool slowSql)
    {
        var representations = Representations(typeName, slugs, RepresentationCount);

        GraphQLResponse response;
        Factory.SqlCommands.Reset();
        var clock = Stopwatch.StartNew();
        using (Factory.SqlDelay.Enable(slowSql ? SlowSql : TimeSpan.Zero))
        {
            response = await Client.PostGraphQLAsync(Entities.QueryFor(typeName, selection), Entities.Variables(representations));
        }

        AssertResolved(response, representations, owned);
        Assert.True(Factory.SqlCommands.Count == 1, SqlReport(1));
        Assert.True(!slowSql || clock.Elapsed >= SlowSql, $"The SQL delay was not applied: the request took {clock.Elapsed}.");
    }

    /// <summary>
    /// Cycles through the known slugs, and makes every fifth representation one that an owner must
    /// resolve to null: an unknown slug, an id of another type, or an id that is not base64url at all.
    /// </summary>
    protected static List<Dictionary<string, string>> Representations(string typeName, string[] slugs, int count)
    {
        string[] unresolvable = [GlobalId.Encode(typeName, "no-such-slug"), GlobalId.Encode("NoSuchType", slugs[0]), "%%not-an-id%%"];
        return [.. Enumerable.Range(0, count).Select(i => i % 5 == 4
            ? Entities.Representation(typeName, unresolvable[i / 5 % unresolvable.Length])
            : Entities.RepresentationOf(typeName, slugs[i % slugs.Length]))];
    }

    /// <summary>
    /// No errors, one entity per representation in order, each the entity asked for; an owned entity
    /// is null when its id is unresolvable.
    /// </summary>
    private static void AssertResolved(GraphQLResponse response, List<Dictionary<string, string>> representations, bool owned = true)
    {
        var entities = Assert.IsType<JsonArray>(GraphQLAssert.Data(response)["_entities"]);
        Assert.Equal(representations.Count, entities.Count);
        for (var i = 0; i < entities.Count; i++)
        {
            var representation = representations[i];
            var typeName = representation["__typename"];
            var unresolvable = GlobalId.SlugOrNull(representation["id"], typeName) is null
                || representation["id"] == GlobalId.Encode(typeName, "no-such-slug");
            if (owned && unresolvable)
            {
                Assert.Null(entities[i]);
            }
            else
            {
                Assert.NotNull(entities[i]);
                Assert.Equal(typeName, entities[i]?["__typename"]?.GetValue<string>());
                Assert.Equal(representation["id"], entities[i]?["id"]?.GetValue<string>());
            }
        }
    }

    private string SqlReport(int expected) =>
        $"Expected {expected} SQL command(s), got {Factory.SqlCommands.Count}:\n{string.Join("\n---\n", Factory.SqlCommands.Commands)}";
}
