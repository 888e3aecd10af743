namespace NewsBot.Storage;

/// <summary>Source figures in LiteDB: the few fields of every source that say how it is doing.</summary>
internal sealed class LiteDbSourceFigures(NewsBotDatabase database) : ISourceFigures
{
    public IReadOnlyDictionary<string, int> ByHealth()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["healthy"] = 0, ["failing"] = 0, ["disabled"] = 0 };
        foreach (var source in database.Sources.FindAll())
        {
            var state = !source.Enabled ? "disabled" : source.ConsecutiveFailures > 0 ? "failing" : "healthy";
            counts[state]++;
        }

        return counts;
    }
}
