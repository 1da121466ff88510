namespace SubgraphKit.Hosting;

/// <summary>
/// Decides, from the thread pool's count of completed work items read once a second, when a quiet
/// spell after activity has lasted long enough to trim memory: once per spell.
/// </summary>
public sealed class IdleSpell(long completedWorkItems)
{
    /// <summary>Seconds of quiet before the trim.</summary>
    public const int QuietSeconds = 5;

    /// <summary>Work items per second below which the process counts as quiet (timers, health probes).</summary>
    public const long QuietWorkItemsPerSecond = 50;

    private long _lastCount = completedWorkItems;
    private int _quietSeconds;
    private bool _busySinceTrim;

    /// <summary>Takes one second's reading; true when the memory should be trimmed now.</summary>
    public bool Observe(long completedWorkItems)
    {
        var busy = completedWorkItems - _lastCount >= QuietWorkItemsPerSecond;
        _lastCount = completedWorkItems;
        _quietSeconds = busy ? 0 : _quietSeconds + 1;
        _busySinceTrim |= busy;
        if (!_busySinceTrim || _quietSeconds < QuietSeconds)
        {
            return false;
        }

        _busySinceTrim = false;
        return true;
    }
}
