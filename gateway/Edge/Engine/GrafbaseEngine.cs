using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Edge.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Engine;

/// <summary>
/// Grafbase's engine as a child process: `grafbase dev -c grafbase.toml` on a free loopback port that
/// only the edge knows. Started before Kestrel accepts requests and stopped after Kestrel has drained
/// them (hosted services stop after the server), so no request in flight loses its engine. If the
/// engine dies on its own, the edge starts it again on the same port after 1 s, then 2, 4, ... at most
/// 30 s (back to 1 s once it has run for a minute); meanwhile requests get 502 ENGINE_UNAVAILABLE and
/// /readiness fails. A first start that fails stops the edge: the configuration is wrong.
/// </summary>
public sealed partial class GrafbaseEngine(
    IOptions<EngineOptions> options,
    IHostApplicationLifetime lifetime,
    IHttpClientFactory httpClients,
    ILogger<GrafbaseEngine> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstRestartDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRestartDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SettledAfter = TimeSpan.FromMinutes(1);

    private Process? _process;
    private volatile bool _stopping;
    private volatile bool _started;
    private TimeSpan _restartDelay = FirstRestartDelay;
    private DateTime _launchedAt;

    /// <summary>The engine's base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var binary = GatewayDirectory.Resolve(settings.Binary);
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is missing: run ./run.sh or ./test.sh, which install the gateway's npm packages.");
        }

        Address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
        Launch();
        await WaitHealthyAsync(settings.StartTimeout, cancellationToken);
        _started = true;
    }

    /// <summary>Starts the engine's process on <see cref="Address"/>.</summary>
    private void Launch()
    {
        var settings = options.Value;
        var binary = GatewayDirectory.Resolve(settings.Binary);
        var home = GatewayDirectory.Resolve(settings.Home);
        Directory.CreateDirectory(home);

        // setsid: the engine gets its own process group, so a terminal's Ctrl+C reaches only the edge,
        // which drains its requests and then stops the engine; otherwise both would die at once.
        var start = new ProcessStartInfo(File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : binary)
        {
            WorkingDirectory = GatewayDirectory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (start.FileName != binary)
        {
            start.ArgumentList.Add(binary);
        }

        foreach (var argument in (string[])["dev", "-c", GatewayDirectory.Resolve(settings.Config), "--listen-address", $"127.0.0.1:{Address.Port}"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = home;
        start.Environment["NO_COLOR"] = "1";

        // `grafbase dev` logs why a subgraph call failed (connection refused, a timeout) only at this level;
        // its answers never carry the cause. RUST_LOG set by the operator wins.
        start.Environment["RUST_LOG"] = Environment.GetEnvironmentVariable("RUST_LOG") ?? "error";

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Relay(e.Data);
        _process.ErrorDataReceived += (_, e) => Relay(e.Data);
        _process.Exited += (sender, _) => OnExited((Process)sender!);
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _launchedAt = DateTime.UtcNow;
        LogStarted(logger, _process.Id, Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        // SIGTERM, the engine's graceful stop (Process.Kill would be SIGKILL).
        using (var terminate = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await terminate.WaitForExitAsync(cancellationToken);
        }

        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    // Called twice: by the container for the singleton and for the hosted service made from it.
    public void Dispose()
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(nameof(GrafbaseEngine));
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The engine exited during startup with code {_process.ExitCode}; its output is logged above.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(Address, "health"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: it composes the supergraph first.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The engine did not answer {Address}health within {timeout.TotalSeconds} s.");
    }

    private void OnExited(Process process)
    {
        // An engine that never became healthy fails StartAsync, and with it the edge's start.
        if (_stopping || !_started || _process is null)
        {
            return;
        }

        if (DateTime.UtcNow - _launchedAt >= SettledAfter)
        {
            _restartDelay = FirstRestartDelay;
        }

        var delay = _restartDelay;
        _restartDelay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRestartDelay.Ticks));
        LogDied(logger, process.ExitCode, delay.TotalSeconds);
        _ = RestartAsync(delay);
    }

    private async Task RestartAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, lifetime.ApplicationStopping);
            if (_stopping)
            {
                return;
            }

            Interlocked.Exchange(ref _process, null)?.Dispose();
            Launch();
        }
        catch (OperationCanceledException)
        {
            // The edge is stopping: no engine is wanted any more.
        }
        catch (Exception failure) when (failure is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            LogRestartFailed(logger, failure);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    private void Relay(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        var plain = AnsiEscape().Replace(line, string.Empty);
        LogEngineOutput(logger, plain);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"\x1B\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    [LoggerMessage(Level = LogLevel.Information, Message = "Started Grafbase's engine (PID {Pid}) at {Address}")]
    private static partial void LogStarted(ILogger logger, int pid, Uri address);

    [LoggerMessage(Level = LogLevel.Error, Message = "Grafbase's engine exited with code {ExitCode}; starting it again in {DelaySeconds} s")]
    private static partial void LogDied(ILogger logger, int exitCode, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Grafbase's engine could not be started again; the gateway stops, as it cannot serve without it")]
    private static partial void LogRestartFailed(ILogger logger, Exception failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "engine: {Line}")]
    private static partial void LogEngineOutput(ILogger logger, string line);
}
