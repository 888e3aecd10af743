namespace NewsBot.Storage.Postgres;

/// <summary>Source figures in PostgreSQL: counted by the server.</summary>
internal sealed class PostgresSourceFigures(PostgresDatabase database) : ISourceFigures
{
    public IReadOnlyDictionary<string, int> ByHealth()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["healthy"] = 0, ["failing"] = 0, ["disabled"] = 0 };
        foreach (var (state, count) in database.Query(
            "SELECT CASE WHEN NOT enabled THEN 'disabled' WHEN consecutive_failures > 0 THEN 'failing' ELSE 'healthy' END, count(*) FROM sources GROUP BY 1",
            r => (r.GetString(0), (int)r.GetInt64(1))))
        {
            counts[state] = count;
        }

        return counts;
    }
}
