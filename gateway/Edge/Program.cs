using Edge.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddEdge();

var app = builder.Build();
app.MapEdge();
await app.RunAsync();
