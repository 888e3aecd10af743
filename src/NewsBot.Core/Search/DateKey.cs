namespace NewsBot.Core.Search;

/// <summary>An article's place in the newest-first lists.</summary>
internal readonly record struct DateKey(long Ticks, int Id);

/// <summary>Newer first; of two published at the same moment, the higher id first.</summary>
internal sealed class NewestFirst : IComparer<DateKey>
{
    public static readonly NewestFirst Instance = new();

    public static int Order(DateKey x, DateKey y)
    {
        var byTime = y.Ticks.CompareTo(x.Ticks);
        return byTime != 0 ? byTime : y.Id.CompareTo(x.Id);
    }

    public int Compare(DateKey x, DateKey y) => Order(x, y);
}
