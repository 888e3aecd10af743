namespace NewsBot.Core.Search;

/// <summary>How good a search result is; the worst sorts first, so a bounded heap drops it.</summary>
internal readonly record struct Rank(double Score, long Ticks, int Slot);

/// <summary>Lower score first, then older, then the later indexed: the heap's root is the one to drop.</summary>
internal sealed class WorstFirst : IComparer<Rank>
{
    public static readonly WorstFirst Instance = new();

    public int Compare(Rank x, Rank y)
    {
        var byScore = x.Score.CompareTo(y.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byTime = x.Ticks.CompareTo(y.Ticks);
        return byTime != 0 ? byTime : y.Slot.CompareTo(x.Slot);
    }
}
