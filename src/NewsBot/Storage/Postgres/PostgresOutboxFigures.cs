namespace NewsBot.Storage.Postgres;

/// <summary>Outbox figures in PostgreSQL, counted over the due index (only pending entries are in it).</summary>
internal sealed class PostgresOutboxFigures(PostgresDatabase database) : IOutboxFigures
{
    public IReadOnlyDictionary<string, int> PendingByKind()
    {
        var counts = Enum.GetNames<OutboxKind>().ToDictionary(k => k.ToLowerInvariant(), _ => 0, StringComparer.Ordinal);
        foreach (var (kind, count) in database.Query("SELECT kind, count(*) FROM outbox WHERE next_attempt_at IS NOT NULL GROUP BY kind", r => (r.GetString(0), (int)r.GetInt64(1))))
        {
            var name = kind.ToLowerInvariant();
            counts[name] = counts.GetValueOrDefault(name) + count;
        }

        return counts;
    }
}
