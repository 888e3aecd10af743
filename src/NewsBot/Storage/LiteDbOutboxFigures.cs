namespace NewsBot.Storage;

/// <summary>Outbox figures in LiteDB. Only pending entries carry a next attempt time, so the count walks that index, not the whole history.</summary>
internal sealed class LiteDbOutboxFigures(NewsBotDatabase database) : IOutboxFigures
{
    public IReadOnlyDictionary<string, int> PendingByKind()
    {
        var counts = Enum.GetNames<OutboxKind>().ToDictionary(k => k.ToLowerInvariant(), _ => 0, StringComparer.Ordinal);
        foreach (var kind in database.Outbox.Query().Where(o => o.NextAttemptAt != null).Select(o => o.Kind).ToEnumerable())
        {
            var name = kind.ToLowerInvariant();
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return counts;
    }
}
