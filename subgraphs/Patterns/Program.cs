using PatternsSubgraph;
using PatternsSubgraph.Data;
using SubgraphKit.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddSubgraph<PatternsSchema, PatternsDb, PatternsSeeder>("Patterns");

var app = builder.Build();
app.MapSubgraph();
await app.RunSubgraphAsync(args);
