namespace Edge.Engine;

/// <summary>Where Grafbase's engine and its configuration are, bound from the "Engine" section; paths relative to gateway/.</summary>
public sealed class EngineOptions
{
    public const string Section = "Engine";

    /// <summary>The engine's configuration; tests point it at a variant with shorter timeouts.</summary>
    public string Config { get; set; } = "grafbase.toml";

    /// <summary>The static binary inside the npm package @grafbase/cli-x86_64-unknown-linux-musl.</summary>
    public string Binary { get; set; } = "node_modules/@grafbase/cli-x86_64-unknown-linux-musl/grafbase";

    /// <summary>The engine's HOME: `grafbase dev` writes about 10 MB of UI assets under $HOME/.grafbase.</summary>
    public string Home { get; set; } = "../.data/grafbase-home";

    /// <summary>How long the engine may take to compose and answer its health check.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
