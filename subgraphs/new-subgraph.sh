#!/usr/bin/env bash
# Usage: subgraphs/new-subgraph.sh NAME ENTITY LINKED [PORT]
#   e.g. subgraphs/new-subgraph.sh Quizzes Quiz Term
# Scaffolds subgraphs/NAME/ shaped like the others (README, "Adding a subgraph"). It owns ENTITY: a table, a
# seed file, Query.<name> (a connection) and Query.<entity>(slug); its <linkeds> field refers to LINKED, another
# subgraph's entity, to which it adds <name>. It writes EF's Initial migrations for SQLite and PostgreSQL,
# registers the subgraph in subgraphs/subgraphs.json (PORT: the highest there plus one by default),
# gateway/grafbase.toml and Federation.sln, and exports schema/<name>.graphql. NAME (plural), ENTITY and LINKED
# are PascalCase; LINKED is keyed by id in schema/.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  sed -n '2,3p' "${BASH_SOURCE[0]}" | sed 's/^# //' >&2
  exit 2
}

fail() {
  echo "new-subgraph: $*" >&2
  exit 1
}

main() {
  (($# == 3 || $# == 4)) || usage
  NAME="$1" ENTITY="$2" LINKED="$3"
  local pascal='^[A-Z][A-Za-z0-9]*$'
  [[ "$NAME" =~ $pascal && "$ENTITY" =~ $pascal && "$LINKED" =~ $pascal ]] || fail "NAME, ENTITY and LINKED are PascalCase names"
  [[ "$NAME" != "$ENTITY" ]] || fail "NAME names the list (Quizzes), ENTITY one of it (Quiz): they differ"
  name="${NAME,,}" UPPER="${NAME^^}" PROJECT="subgraphs/$NAME" DIR="$REPO_ROOT/subgraphs/$NAME" NS="${NAME}Subgraph"
  list="${NAME,}" entity="${ENTITY,}" LINKEDS="${LINKED}s" linkeds="${LINKED,}s"
  [[ ! -e "$DIR" ]] || fail "$PROJECT exists already"
  grep -q "\"name\": \"$name\"" "$REPO_ROOT/subgraphs/subgraphs.json" && fail "subgraphs/subgraphs.json lists $name already"
  grep -qE "^type $LINKED( implements [A-Za-z &]+)? @key\(fields: \"id\"\)" "$REPO_ROOT"/schema/*.graphql \
    || fail "no subgraph's SDL in schema/ has an entity $LINKED keyed by id"
  PORT="${4:-$(next_port)}"
  [[ "$PORT" =~ ^[0-9]+$ ]] || fail "PORT is a number"

  write_project
  write_data
  write_types
  register
  add_migrations
  export_schema
  cat <<DONE

Added the $name subgraph on port $PORT: $PROJECT. Next (README, "Adding a subgraph"):
  1. Say what a $ENTITY is: its fields in Data/Entities/$ENTITY.cs and $NAME/${ENTITY}Type.cs, its content in
     Data/Seed/$name.json. A changed model needs a migration per engine (docs/databases.md).
  2. ./run.sh builds, composes schema/ (commit it) and starts it beside the others.
DONE
}

next_port() {
  node -e 'const s = require(process.argv[1]).subgraphs; console.log(Math.max(...s.map((g) => g.port)) + 1)' \
    "$REPO_ROOT/subgraphs/subgraphs.json"
}

write_project() {
  mkdir -p "$DIR/Data/Entities" "$DIR/Data/Configurations" "$DIR/Data/Seed" "$DIR/$NAME" "$DIR/References"
  cat >"$DIR/$NAME.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <RootNamespace>$NS</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="..\\SubgraphKit\\SubgraphKit.csproj" />
  </ItemGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" PrivateAssets="all" />
  </ItemGroup>
  <ItemGroup>
    <None Include="Data\\Seed\\*.json" CopyToOutputDirectory="PreserveNewest" />
  </ItemGroup>
</Project>
EOF
  cp "$REPO_ROOT/subgraphs/Roles/appsettings.json" "$DIR/appsettings.json"
  cat >"$DIR/Program.cs" <<EOF
using $NS;
using $NS.Data;
using SubgraphKit.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddSubgraph<${NAME}Schema, ${NAME}Db, ${NAME}Seeder>("$NAME");

var app = builder.Build();
app.MapSubgraph();
await app.RunSubgraphAsync(args);
EOF
  cat >"$DIR/${NAME}Schema.cs" <<EOF
using GraphQL.Types;

namespace $NS;

/// <summary>The $name subgraph. It owns $ENTITY, and adds $list to $LINKED.</summary>
public sealed class ${NAME}Schema : Schema
{
    public ${NAME}Schema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<${NAME}Query>();
    }
}
EOF
  cat >"$DIR/${NAME}Query.cs" <<EOF
using GraphQL;
using GraphQL.Types;
using $NS.$NAME;
using SubgraphKit.Data;
using SubgraphKit.Listing;

namespace $NS;

public sealed class ${NAME}Query : ObjectGraphType
{
    public ${NAME}Query()
    {
        Name = "Query";

        this.ConnectionField<${ENTITY}Type, ${ENTITY}Listing>("$list")
            .Description("Every $entity, by name: filter with 'where', sort with 'order', page with 'first'/'after' or 'last'/'before'.");

        Field<${ENTITY}Type>("$entity")
            .Description("A $entity by its slug.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .Resolve(context => context.Service<${ENTITY}BySlugLoader>().Load(context.GetArgument<string>("slug"), context));
    }
}
EOF
}

write_data() {
  cat >"$DIR/Data/Entities/$ENTITY.cs" <<EOF
using SubgraphKit.Entities;

namespace $NS.Data.Entities;

public sealed class $ENTITY : ISlugged
{
    public required string Slug { get; init; }
    public required string Name { get; set; }

    /// <summary>Slugs of the ${LINKED}s (owned by another subgraph) this $entity refers to.</summary>
    public List<string> $LINKEDS { get; set; } = [];
}
EOF
  cat >"$DIR/Data/Configurations/${ENTITY}Configuration.cs" <<EOF
using $NS.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace $NS.Data.Configurations;

public sealed class ${ENTITY}Configuration : IEntityTypeConfiguration<$ENTITY>
{
    public void Configure(EntityTypeBuilder<$ENTITY> builder)
    {
        builder.HasKey($entity => $entity.Slug);
        builder.HasIndex($entity => $entity.Name).IsUnique();
    }
}
EOF
  cat >"$DIR/Data/${NAME}Db.cs" <<EOF
using $NS.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace $NS.Data;

public class ${NAME}Db(DbContextOptions options) : DbContext(options)
{
    public DbSet<$ENTITY> $NAME => Set<$ENTITY>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(${NAME}Db).Assembly);
}
EOF
  cat >"$DIR/Data/${NAME}PostgresDb.cs" <<EOF
using Microsoft.EntityFrameworkCore;

namespace $NS.Data;

/// <summary>
/// The same model as <see cref="${NAME}Db"/> on PostgreSQL. It exists for its type alone, which selects
/// PostgreSQL's migrations (Data/Migrations/Postgres); SubgraphKit's AddSubgraphDatabase finds it.
/// </summary>
public sealed class ${NAME}PostgresDb(DbContextOptions options) : ${NAME}Db(options);
EOF
  cat >"$DIR/Data/${NAME}Seeder.cs" <<EOF
using $NS.Data.Entities;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Data;

namespace $NS.Data;

/// <summary>Loads $name.json from Data/Seed.</summary>
public sealed class ${NAME}Seeder : ISubgraphSeeder<${NAME}Db>
{
    public Task<bool> IsSeededAsync(${NAME}Db db, CancellationToken cancellationToken) => db.$NAME.AnyAsync(cancellationToken);

    public Task SeedAsync(${NAME}Db db, CancellationToken cancellationToken)
    {
        db.$NAME.AddRange(SeedFile.Read<$ENTITY>("$name.json"));
        return Task.CompletedTask;
    }
}
EOF
  cat >"$DIR/Data/Seed/$name.json" <<EOF
[
  { "slug": "first-$entity", "name": "First $entity", "$linkeds": [] }
]
EOF
}

write_types() {
  cat >"$DIR/$NAME/${ENTITY}Type.cs" <<EOF
using GraphQL.Types;
using $NS.Data.Entities;
using $NS.References;
using SubgraphKit.Entities;

namespace $NS.$NAME;

public sealed class ${ENTITY}Type : ObjectGraphType<$ENTITY>
{
    public ${ENTITY}Type()
    {
        Description = "A $entity.";
        this.OwnedEntity<$ENTITY, ${ENTITY}BySlugLoader>("$ENTITY");
        Field($entity => $entity.Name).Description("Its name.");

        Field<NonNullGraphType<ListGraphType<${LINKED}ReferenceType>>>("$linkeds")
            .Description("The ${LINKED}s it refers to. Items are null while their subgraph is unavailable.")
            .Resolve(context => context.Source.$LINKEDS.Select(slug => EntityReference.For(${LINKED}ReferenceType.TypeName, slug)));
    }
}
EOF
  cat >"$DIR/$NAME/${ENTITY}BySlugLoader.cs" <<EOF
using $NS.Data;
using $NS.Data.Entities;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Entities;

namespace $NS.$NAME;

public sealed class ${ENTITY}BySlugLoader(IDbContextFactory<${NAME}Db> contexts) : EntityBySlugLoader<${NAME}Db, $ENTITY>(contexts);
EOF
  cat >"$DIR/$NAME/${NAME}By${LINKED}Loader.cs" <<EOF
using $NS.Data;
using $NS.Data.Entities;
using Microsoft.EntityFrameworkCore;
using SubgraphKit.Entities;

namespace $NS.$NAME;

public sealed class ${NAME}By${LINKED}Loader(IDbContextFactory<${NAME}Db> contexts) : EntitiesByLinkLoader<${NAME}Db, $ENTITY>(contexts, Links)
{
    private static readonly Selector<$ENTITY, List<string>> Links = new($entity => $entity.$LINKEDS);
}
EOF
  cat >"$DIR/$NAME/${ENTITY}Listing.cs" <<EOF
using $NS.Data;
using $NS.Data.Entities;
using SubgraphKit.Listing;

namespace $NS.$NAME;

/// <summary>How clients filter, sort and page the ${list}.</summary>
public sealed class ${ENTITY}Listing : EntityListing<${NAME}Db, $ENTITY>
{
    public ${ENTITY}Listing()
        : base("$ENTITY", db => db.$NAME)
    {
        Text("slug", $entity => $entity.Slug);
        Text("name", $entity => $entity.Name);
        DefaultOrder($entity => $entity.Name);
    }
}
EOF
  cat >"$DIR/References/${LINKED}ReferenceType.cs" <<EOF
using GraphQL.Types;
using $NS.$NAME;
using SubgraphKit.Data;
using SubgraphKit.Entities;

namespace $NS.References;

/// <summary>$LINKED, owned by another subgraph; this subgraph adds the $list that refer to it.</summary>
public sealed class ${LINKED}ReferenceType : ObjectGraphType<EntityReference>
{
    public const string TypeName = "$LINKED";

    public ${LINKED}ReferenceType()
    {
        this.ReferencedEntity(TypeName, contributesFields: true);

        Field<ListGraphType<NonNullGraphType<${ENTITY}Type>>>("$list")
            .Description("The $list that refer to this ${LINKED,}.")
            .Resolve(context => context.Service<${NAME}By${LINKED}Loader>().Load(context.Source.SlugOf(TypeName) ?? string.Empty, context));
    }
}
EOF
}

# The registry gets a line, the engine's config a table (both last, in the same order), the solution a project.
register() {
  local entry="{ \"name\": \"$name\", \"project\": \"$PROJECT\", \"port\": $PORT, \"schema\": \"schema/$name.graphql\", \"portVariable\": \"${UPPER}_PORT\", \"urlVariable\": \"${UPPER}_URL\" }"
  local table="[subgraphs.$name]
url = \"{{ env.${UPPER}_URL }}\"
schema_path = \"../schema/$name.graphql\"
timeout = \"5s\"
"
  node - "$REPO_ROOT/subgraphs/subgraphs.json" "$entry" "$REPO_ROOT/gateway/grafbase.toml" "$table" <<'JS'
const fs = require('fs');
const [registry, entry, toml, table] = process.argv.slice(2);
const listed = fs.readFileSync(registry, 'utf8').replace(/\}(\s*\]\s*\}\s*)$/, (_, end) => `},\n    ${entry}${end}`);
JSON.parse(listed); // fails on a registry of another shape, before anything is written
let config = fs.readFileSync(toml, 'utf8');
const last = [...config.matchAll(/^\[{1,2}subgraphs\./gm)].at(-1);
if (!last) throw new Error(`${toml} has no [subgraphs.*] table to add one after`);
const end = config.indexOf('\n\n', last.index) + 2;
if (end < 2) throw new Error(`${toml}: no blank line after the last [subgraphs.*] table to add one at`);
config = config.slice(0, end) + table + '\n' + config.slice(end);
fs.writeFileSync(registry, listed);
fs.writeFileSync(toml, config);
JS
  dotnet sln "$REPO_ROOT/Federation.sln" add --solution-folder subgraphs "$DIR/$NAME.csproj" >/dev/null
}

# Each engine has its own migrations on its own context type (docs/databases.md); `migrations add` connects to nothing.
add_migrations() {
  (cd "$REPO_ROOT" && dotnet tool restore >/dev/null)
  dotnet build "$DIR" -nologo -clp:ErrorsOnly -v:q
  # No --namespace: the folder gives the same one, and with it EF 10 puts a first snapshot under <RootNamespace>/.
  (cd "$DIR" && DATABASE=sqlite dotnet ef migrations add Initial --no-build --context "${NAME}Db" --output-dir Data/Migrations/Sqlite >/dev/null)
  (cd "$DIR" && DATABASE=postgres ConnectionStrings__Postgres="Host=127.0.0.1;Username=postgres" \
    dotnet ef migrations add Initial --no-build --context "${NAME}PostgresDb" --output-dir Data/Migrations/Postgres >/dev/null)
}

# The glossary reads every other subgraph's SDL in schema/ for its Node implementations, so the file must exist.
# The SDL is the same on both engines, and on SQLite the export needs no server's address.
export_schema() {
  (cd "$REPO_ROOT" && DATABASE=sqlite dotnet run --project "$PROJECT" --no-launch-profile -- schema export --output "$REPO_ROOT/schema/$name.graphql")
}

main "$@"
