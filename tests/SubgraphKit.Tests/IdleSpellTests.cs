using SubgraphKit.Hosting;

namespace SubgraphKit.Tests;

/// <summary>When the kit's idle memory trim fires: once per quiet spell that follows activity.</summary>
public sealed class IdleSpellTests
{
    private const long Busy = IdleSpell.QuietWorkItemsPerSecond;

    [Fact]
    public void Trims_once_after_five_quiet_seconds_that_follow_activity()
    {
        var spell = new IdleSpell(0);

        var trims = Readings(spell, Busy, Busy, 0, 0, 0, 0, 0, 0, 0, 0);

        Assert.Equal([false, false, false, false, false, false, true, false, false, false], trims);
    }

    [Fact]
    public void Never_trims_a_process_that_was_never_busy()
    {
        var spell = new IdleSpell(0);

        Assert.DoesNotContain(true, Readings(spell, 0, 1, 0, 10, 0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public void Activity_within_the_quiet_seconds_starts_them_again()
    {
        var spell = new IdleSpell(0);

        var trims = Readings(spell, Busy, 0, 0, 0, 0, Busy, 0, 0, 0, 0, 0);

        Assert.Equal(10, Array.IndexOf(trims, true));
        Assert.Single(trims, trim => trim);
    }

    [Fact]
    public void Trims_again_after_a_new_burst()
    {
        var spell = new IdleSpell(0);

        var trims = Readings(spell, Busy, 0, 0, 0, 0, 0, Busy, 0, 0, 0, 0, 0);

        Assert.Equal(2, trims.Count(trim => trim));
    }

    /// <summary>Feeds one reading a second, each the work items done in that second; what each reading decided.</summary>
    private static bool[] Readings(IdleSpell spell, params long[] workItemsPerSecond)
    {
        var total = 0L;
        return workItemsPerSecond.Select(items => spell.Observe(total += items)).ToArray();
    }
}
