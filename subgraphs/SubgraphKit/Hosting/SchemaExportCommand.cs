using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace SubgraphKit.Hosting;

/// <summary><c>schema export --output &lt;file&gt;</c>: writes the subgraph SDL in the federation <c>_service.sdl</c> form.</summary>
public sealed class SchemaExportCommand
{
    private SchemaExportCommand(string? output) => Output = output;

    /// <summary>The file to write; null writes to standard output.</summary>
    public string? Output { get; }

    public static bool TryParse(string[] args, out SchemaExportCommand command)
    {
        command = new SchemaExportCommand(null);
        if (args.Length < 2 || args[0] != "schema" || args[1] != "export")
        {
            return false;
        }

        var outputIndex = Array.IndexOf(args, "--output");
        command = new SchemaExportCommand(outputIndex >= 0 && outputIndex + 1 < args.Length ? args[outputIndex + 1] : null);
        return true;
    }

    public async Task<int> RunAsync(IServiceProvider services)
    {
        // The same query the gateway's composition would send, so the file is exactly what it sees.
        using var scope = services.CreateScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ISchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = "{ _service { sdl } }",
            RequestServices = scope.ServiceProvider,
        });

        if (result.Errors is { Count: > 0 } errors)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync("schema export failed: " + error.Message);
            }

            return 1;
        }

        var json = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var sdl = document.RootElement.GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString();
        return await WriteAsync(sdl ?? string.Empty);
    }

    private async Task<int> WriteAsync(string sdl)
    {
        var text = sdl.TrimEnd() + "\n";
        if (Output is null)
        {
            await Console.Out.WriteAsync(text);
            return 0;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(Output));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(Output, text);
        await Console.Error.WriteLineAsync($"Wrote {Output}");
        return 0;
    }
}
