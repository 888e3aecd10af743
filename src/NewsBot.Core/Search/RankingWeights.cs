namespace NewsBot.Core.Search;

/// <summary>How search and story matching weigh what they find.</summary>
internal static class RankingWeights
{
    /// <summary>A word in the title counts this many times a word in the summary.</summary>
    public const double Title = 2.0;

    /// <summary>The bonus of an article published right now; it halves every <see cref="RecencyHalfLifeHours"/>.</summary>
    public const double Recency = 2.0;

    public const double RecencyHalfLifeHours = 48.0;
}
