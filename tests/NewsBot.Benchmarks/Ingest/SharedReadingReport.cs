using NewsBot.Benchmarks.Stores;
using NewsBot.Benchmarks.Reporting;
using static NewsBot.Benchmarks.Reporting.Units;

namespace NewsBot.Benchmarks.Ingest;

/// <summary>The table of <c>ingest --instances N</c>: each cycle read by N instances at once, against one instance on PostgreSQL in the same run.</summary>
internal static class SharedReadingReport
{
    public static string Render(SharedReadingRun shared, StoreCycles alone, int sources)
    {
        var text = new StringBuilder();
        text.Append(Invariant($"\n### {shared.Instances} instances on one PostgreSQL database\n\n"));
        text.Append(Invariant($"{shared.Instances} pollers in this process, each composed as an instance of its own (identity, fetcher, index), on one new database, polling at once; due sources claimed a window at a time with `FOR UPDATE SKIP LOCKED`. Baseline: one instance on PostgreSQL, the same cycle in this run. Both share the same 2 cores, so more instances add no CPU; what they show is that the work is shared out, each source read once.\n\n"));
        var table = new MarkdownTable(
            ("cycle", Align.Left),
            ("site answered", Align.Left),
            ("read per instance", Align.Left),
            ("each source read once", Align.Left),
            ("wall", Align.Right),
            ("CPU (process)", Align.Right),
            ("wall ÷ one instance", Align.Right),
            ("sources/s", Align.Right));
        foreach (var cycle in shared.Cycles)
        {
            var one = alone.Cycle(cycle.Kind).Usage.Wall;
            table.AddRow(
                Label(cycle.Kind),
                IngestReport.Answers(cycle.Site),
                string.Join(" + ", cycle.PerInstance.Select(n => Count(n))),
                cycle.EachReadOnce(sources) ? "yes" : "**no**",
                Seconds(cycle.Usage.Wall),
                Seconds(cycle.Usage.Cpu),
                Invariant($"{Ratio(cycle.Usage.Wall / one)} ({Seconds(cycle.Usage.Wall)} / {Seconds(one)})"),
                Count((long)(sources / cycle.Usage.Wall.TotalSeconds)));
        }

        text.Append(table).Append('\n');
        return text.ToString();
    }

    private static string Label(CycleKind kind) => kind switch
    {
        CycleKind.FirstFetch => "1. first fetch, every item new",
        CycleKind.NotModified => "2. nothing changed: 304 everywhere",
        CycleKind.PartlyNew => "4. some items new in every feed",
        _ => kind.ToString(),
    };
}
