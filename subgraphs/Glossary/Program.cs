using GlossarySubgraph;
using GlossarySubgraph.Data;
using SubgraphKit.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddSubgraph<GlossarySchema, GlossaryDb, GlossarySeeder>("Glossary");

var app = builder.Build();
app.MapSubgraph();
await app.RunSubgraphAsync(args);
