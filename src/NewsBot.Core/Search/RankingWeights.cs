namespace NewsBot.Core.Search;

/// <summary>How search and story matching weigh what they find.</summary>
internal static class RankingWeights
{
    /// <summary>A word in the title counts this many times a word in the summary.</summary>
    public const double Title = 2.0;

    /// <summary>The bonus of an article published right now; it halves every <see cref="RecencyHalfLifeHours"/>.</summary>
    public const double Recency = 2.0;

    public const double RecencyHalfLifeHours = 48.0;

    // Beyond this the recency bonus is too small to tell apart (two to the power of -2,000).
    private const double MaxAgeHours = 100_000;

    /// <summary>
    /// The oldest publication time at which the recency bonus still reaches
    /// <paramref name="needed"/>, less a second for rounding: an older article cannot make up the
    /// difference. <see cref="long.MinValue"/> when any age will do.
    /// </summary>
    public static long OldestThatCanReach(double needed, long nowTicks)
    {
        if (needed <= 0)
        {
            return long.MinValue;
        }

        if (needed > Recency)
        {
            return long.MaxValue;
        }

        var hours = RecencyHalfLifeHours * Math.Log2(Recency / needed);
        return hours >= MaxAgeHours ? long.MinValue : nowTicks - (long)(hours * TimeSpan.TicksPerHour) - TimeSpan.TicksPerSecond;
    }
}
