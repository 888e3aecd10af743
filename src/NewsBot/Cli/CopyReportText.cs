using NewsBot.Storage.Copy;

namespace NewsBot.Cli;

/// <summary>What <c>storage copy</c> prints when it is done: the counts per table and what to set next.</summary>
internal static class CopyReportText
{
    public static string Render(CopyReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Copied {report.Source} into PostgreSQL at {report.Target}, and counted every table again before committing:\n\n");
        var rows = report.Tables
            .Select(t => (t.Table, InLiteDb: Count(t.InLiteDb), Copied: Count(t.Copied), ReadBack: Count(t.ReadBack)))
            .Append(("total", Count(report.Tables.Sum(t => (long)t.InLiteDb)), Count(report.Copied), Count(report.Tables.Sum(t => t.ReadBack))))
            .Prepend(("table", "in LiteDB", "copied", "verified"))
            .ToList();
        var widths = (
            rows.Max(r => r.Item1.Length),
            rows.Max(r => r.Item2.Length),
            rows.Max(r => r.Item3.Length),
            rows.Max(r => r.Item4.Length));
        foreach (var (table, inLiteDb, copied, readBack) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {table.PadRight(widths.Item1)}  {inLiteDb.PadLeft(widths.Item2)}  {copied.PadLeft(widths.Item3)}  {readBack.PadLeft(widths.Item4)}\n");
        }

        text.Append('\n');
        if (report.Tables.FirstOrDefault(t => t.Table == "state") is { } state && state.InLiteDb != state.Copied)
        {
            text.Append("The state values only the LiteDB file uses (its schema version, an upgrade marker, the article high-water mark) are not copied.\n");
        }

        text.Append(report.LastArticleId > 0
            ? $"New articles are numbered from #{Count(report.LastArticleId + 1L)} on, after the highest number ever handed out; subscriptions, bookmarks, announcements, sources and outbox entries continue after the highest copied.\n"
            : "There were no articles; numbers start at 1.\n");
        text.Append("The LiteDB database was not changed. To run NewsBot on PostgreSQL from now on, set\n");
        text.Append("  Storage__Provider=Postgres\n");
        text.Append("  Storage__Postgres__ConnectionString=<the same connection string>\n");
        text.Append("and start it.\n");
        return text.ToString();
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
