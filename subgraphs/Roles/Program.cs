using RolesSubgraph;
using RolesSubgraph.Data;
using SubgraphKit.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddSubgraph<RolesSchema, RolesDb, RolesSeeder>("Roles");

var app = builder.Build();
app.MapSubgraph();
await app.RunSubgraphAsync(args);
