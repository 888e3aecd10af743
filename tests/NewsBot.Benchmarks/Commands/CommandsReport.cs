using NewsBot.Benchmarks.Reporting;
using static NewsBot.Benchmarks.Reporting.Units;

namespace NewsBot.Benchmarks.Commands;

/// <summary>The printed result of the <c>commands</c> scenario: a README-ready table, the other figures, a verdict per target.</summary>
internal static class CommandsReport
{
    public static string Render(CommandsRun run)
    {
        var s = run.Settings;
        var text = new StringBuilder();
        text.Append('\n');
        text.Append(Invariant($"## Command latency at {Count(s.Articles)} articles\n\n"));
        text.Append(Invariant($"{Count(s.Articles)} synthetic articles (20 topics, {SyntheticNews.Sources.Count} sources, {Count(run.VocabularySize)}-word vocabulary with Zipf s = {run.VocabularyExponent:0.0}), "));
        text.Append(Invariant($"{Count(s.Users)} people × {s.BookmarksPerUser} bookmarks, seed {s.Seed}. "));
        text.Append(Invariant($"NewsBot: {Count(s.Iterations)} calls per command through `CommandRouter.HandleAsync` after warm-up. "));
        text.Append(Invariant($"Naive: the same inputs straight on LiteDB ({Count(s.Iterations)} calls; /topic and /search only the first {run.Commands.First(c => c.Kind == CommandKind.Search).NaiveCalls}, as each takes hundreds of ms or more). Targets: those set for {run.Targets.Name}.\n\n"));

        var table = new MarkdownTable(
            ("command", Align.Left),
            ("NewsBot p50", Align.Right),
            ("NewsBot p99", Align.Right),
            ("naive p50", Align.Right),
            ("naive p99", Align.Right),
            ("naive ÷ NewsBot (p50)", Align.Right),
            ("target", Align.Left),
            ("met", Align.Left));
        foreach (var c in run.Commands)
        {
            table.AddRow(
                "`" + CommandWorkload.Label(c.Kind) + "`",
                Milliseconds(c.NewsBot.P50Ms),
                Milliseconds(c.NewsBot.P99Ms),
                Milliseconds(c.Naive.P50Ms),
                Milliseconds(c.Naive.P99Ms),
                Ratio(c.Speedup),
                TargetText(c.Target),
                MetText(c));
        }

        text.Append(table).Append('\n');
        var fasterNaive = run.Commands.Where(c => c.Speedup < 1).Select(c => CommandWorkload.Label(c.Kind).Split(' ')[0]).ToList();
        if (fasterNaive.Count > 0)
        {
            text.Append(Invariant($"Below ×1 the naive query is the faster one ({string.Join(", ", fasterNaive)}): it only reads LiteDB, while the NewsBot figure is the whole command (parsing, routing, reading the articles shown, building the reply).\n\n"));
        }

        var startup = run.Startup;
        if (run.Images is { } images)
        {
            var restart = images.Restart;
            text.Append(Invariant($"- Start-up at a restart (open the database, then fill the in-memory index from the index image written at the last stop, reading from the store only what is not in it, as `ArticleIndexLoader` does; {Count(restart.Time.Indexed)} articles, {Count(restart.FromImage)} from the image, {Count(restart.Read)} read): **{Seconds(restart.Time.Total)}** (open {Seconds(restart.Time.Open)}, fill {Seconds(restart.Time.Fill)}); target ≤ {run.Targets.StartupSeconds:0} s: {YesNo(run.StartupMet)}.\n"));
            text.Append(Invariant($"- Start-up with an image {Count(images.BehindBy)} articles behind the store (the process ended without a stop; those are read by their ids): **{Seconds(images.Behind.Time.Total)}** ({Count(images.Behind.FromImage)} from the image, {Count(images.Behind.Read)} read). Both are measured after the naive baseline, in the same process, so their memory is not told apart from what the baseline left.\n"));
        }

        text.Append(Invariant($"- First start-up, no index image (open the database, then read and index every article from the store, {Count(startup.Indexed)} articles): **{Seconds(startup.Total)}** (open {Seconds(startup.Open)}, read and index {Seconds(startup.Fill)}); target ≤ {run.Targets.StartupSeconds:0} s: {YesNo(run.FirstStartupMet)}. Writing the index image afterwards (in the background in the app): {Seconds(run.ImageWrite)}, {Megabytes(run.ImageBytes)}.\n"));
        text.Append(Invariant($"- Peak memory (peak working set over start-up and the NewsBot commands): **{Megabytes(run.PeakWorkingSet)}**; target ≤ {Megabytes(run.Targets.PeakWorkingSetBytes)}: {YesNo(run.MemoryMet)}. "));
        text.Append(Invariant($"After start-up: working set {Megabytes(run.AfterStartup.WorkingSet)}, GC heap {Megabytes(run.AfterStartup.GcHeapSize)} ({Megabytes(run.LiveManagedAfterStartup)} live after a full collection: the index and what LiteDB holds, see below), GC committed {Megabytes(run.AfterStartup.GcCommitted)}.\n"));
        text.Append(Invariant($"- Build (information, not a target): {Count(run.Seed.Articles)} articles through `LiteDbArticleStore.AddNew` in batches of 5,000 in {Seconds(run.Seed.ArticlesTime)}, {Count(run.Seed.Bookmarks)} bookmarks through `LiteDbBookmarkStore.Add` in {Seconds(run.Seed.BookmarksTime)}; database file {Megabytes(run.Seed.FileBytes)}.\n"));
        text.Append(Invariant($"- Machine: {run.Machine.Sentence(run.LoadAtEnd)}.\n\n"));

        text.Append("### Details\n\n");
        var details = new MarkdownTable(
            ("command", Align.Left),
            ("NewsBot calls", Align.Right),
            ("NewsBot mean", Align.Right),
            ("NewsBot max", Align.Right),
            ("naive calls", Align.Right),
            ("naive mean", Align.Right),
            ("naive max", Align.Right));
        foreach (var c in run.Commands)
        {
            details.AddRow(
                "`" + CommandWorkload.Label(c.Kind) + "`",
                Count(c.NewsBot.Count),
                Milliseconds(c.NewsBot.MeanMs),
                Milliseconds(c.NewsBot.MaxMs),
                Count(c.NaiveCalls),
                Milliseconds(c.Naive.MeanMs),
                Milliseconds(c.Naive.MaxMs));
        }

        text.Append(details).Append('\n');
        text.Append("NewsBot `/search` by the number of matching articles:\n\n");
        text.Append(Groups("matches", run.SearchByMatches)).Append('\n');
        text.Append("NewsBot `/search <OR, …>` by the shape of the query:\n\n");
        text.Append(Groups("query", run.OperatorsByShape)).Append('\n');
        text.Append("Memory along the run (working set = resident memory; peak counted from the start of start-up):\n\n");
        var memory = new MarkdownTable(
            ("moment", Align.Left),
            ("working set", Align.Right),
            ("peak so far", Align.Right),
            ("GC heap", Align.Right),
            ("GC committed", Align.Right),
            ("gen2 GCs so far", Align.Right));
        foreach (var (phase, snapshot) in run.MemoryTimeline)
        {
            memory.AddRow(phase, Megabytes(snapshot.WorkingSet), Megabytes(snapshot.PeakWorkingSet), Megabytes(snapshot.GcHeapSize), Megabytes(snapshot.GcCommitted), Count(snapshot.Gen2Collections));
        }

        text.Append(memory).Append('\n');
        if (run.StartupParts is { } parts)
        {
            text.Append(Invariant($"- Start-up step by step (repeated after the run): open {Seconds(parts.Open)}; read {Count(run.Startup.Indexed)} articles out of LiteDB into records {Seconds(parts.Read)}; build the index from records already in memory {Seconds(parts.Index)} (start-up itself overlaps the read and the indexing on two threads). "));
            text.Append(Invariant($"Managed memory this leaves while the database stays open: the index {Megabytes(parts.IndexBytes)}, LiteDB {Megabytes(parts.LiteDbBytes)} (the articles are read through a short-lived instance whose page cache goes when it closes); the article records that pass through, {Megabytes(parts.ArticlesBytes)}, are garbage once indexed.\n"));
        }

        var gc = run.AfterCommands;
        var before = run.BeforeCommands;
        text.Append(Invariant($"- Garbage collections during the timed NewsBot calls: gen0 {gc.Gen0Collections - before.Gen0Collections}, gen1 {gc.Gen1Collections - before.Gen1Collections}, gen2 {gc.Gen2Collections - before.Gen2Collections}.\n"));
        text.Append(Invariant($"- Before the timed calls each person sent one message first, so the chat and person records the router writes on a first message (then at most every 5 minutes) are not in the timings. Those {Count(run.FirstMessages.Count)} first messages (`/latest`, JIT warm-up included): p50 {Milliseconds(run.FirstMessages.P50Ms)}, p99 {Milliseconds(run.FirstMessages.P99Ms)}.\n"));
        text.Append(Invariant($"- Naive plans: /topic `{run.Plans.Topic}` (multikey index on `$.Topics[*]`, created after the NewsBot calls in {Seconds(run.TopicIndexTime)}, {(run.TopicIndexDropped ? "dropped afterwards" : "could not be dropped")}, like the `PublishedAt` index the newest-first queries walk); /search `{run.Plans.Search}` (Title/Summary `Contains`, a count plus the newest {CommandsScenario.PageSize}). Naive /latest reads the page without counting the total.\n"));
        foreach (var check in run.CrossChecks)
        {
            text.Append("- ").Append(check).Append('\n');
        }

        if (!run.PeakWasReset)
        {
            text.Append("- The peak working set could not be restarted after the build (not Linux, or /proc/self/clear_refs is not writable): the peak above also covers building the database.\n");
        }
        else
        {
            text.Append(Invariant($"- The peak working set was restarted (Linux /proc/self/clear_refs) after the build, which had peaked at {Megabytes(run.PeakOfBuild)}.\n"));
        }

        foreach (var c in run.Commands.Where(c => c.Problems > 0))
        {
            text.Append(Invariant($"- **{CommandWorkload.Label(c.Kind)} answered {c.Problems} calls with a problem message**, e.g. {c.FirstProblem}\n"));
        }

        text.Append("\n### Verdict\n\n```\n");
        foreach (var line in Verdicts(run))
        {
            text.Append(line).Append('\n');
        }

        text.Append("```\n");
        return text.ToString();
    }

    /// <summary>Several sizes in one table: each command's p50 and p99 per size, against that size's targets.</summary>
    public static string RenderSideBySide(IReadOnlyList<CommandsRun> runs)
    {
        var columns = new List<(string Header, Align Align)> { ("command", Align.Left) };
        foreach (var run in runs)
        {
            var size = Count(run.Settings.Articles);
            columns.Add(($"{size}: p50", Align.Right));
            columns.Add(($"{size}: p99", Align.Right));
            columns.Add(($"{size}: target", Align.Left));
            columns.Add(($"{size}: met", Align.Left));
        }

        var table = new MarkdownTable([.. columns]);
        foreach (var kind in CommandWorkload.Kinds)
        {
            var cells = new List<string> { "`" + CommandWorkload.Label(kind) + "`" };
            foreach (var run in runs)
            {
                var c = run.Commands.First(c => c.Kind == kind);
                cells.AddRange([Milliseconds(c.NewsBot.P50Ms), Milliseconds(c.NewsBot.P99Ms), TargetText(c.Target), MetText(c)]);
            }

            table.AddRow([.. cells]);
        }

        var startup = new List<string> { "start-up (restart, index image)" };
        var first = new List<string> { "first start-up (no image)" };
        var memory = new List<string> { "peak working set" };
        foreach (var run in runs)
        {
            startup.AddRange([Seconds(run.Restart), "", Invariant($"≤ {run.Targets.StartupSeconds:0} s"), run.StartupMet ? "yes" : "**no**"]);
            first.AddRange([Seconds(run.Startup.Total), "", Invariant($"≤ {run.Targets.StartupSeconds:0} s"), run.FirstStartupMet ? "yes" : "**no**"]);
            memory.AddRange([Megabytes(run.PeakWorkingSet), "", Invariant($"≤ {Megabytes(run.Targets.PeakWorkingSetBytes)}"), run.MemoryMet ? "yes" : "**no**"]);
        }

        table.AddRow([.. startup]);
        table.AddRow([.. first]);
        table.AddRow([.. memory]);
        return "\n## Side by side\n\n" + table + "\n";
    }

    private static IEnumerable<string> Verdicts(CommandsRun run)
    {
        foreach (var c in run.Commands)
        {
            var name = CommandWorkload.Label(c.Kind).Split(' ')[0];
            yield return Verdict(c.P50Met, Invariant($"{name} p50 {Milliseconds(c.NewsBot.P50Ms)} ≤ {c.Target.P50Ms:0} ms (naive {Milliseconds(c.Naive.P50Ms)})"));
            yield return Verdict(c.P99Met, Invariant($"{name} p99 {Milliseconds(c.NewsBot.P99Ms)} ≤ {c.Target.P99Ms:0} ms (naive {Milliseconds(c.Naive.P99Ms)})"));
            if (c.Target.MinSpeedup is { } min)
            {
                yield return Verdict(c.SpeedupMet, Invariant($"{name} naive ÷ NewsBot at p50 {Ratio(c.Speedup)} ≥ ×{min:0} (naive {Milliseconds(c.Naive.P50Ms)}, NewsBot {Milliseconds(c.NewsBot.P50Ms)})"));
            }

            if (c.Problems > 0)
            {
                yield return Verdict(false, Invariant($"{name} {c.Problems} of {c.NewsBot.Count} calls answered with a problem message"));
            }
        }

        yield return Verdict(run.StartupMet, Invariant($"start-up at a restart, from the index image, {Seconds(run.Restart)} ≤ {run.Targets.StartupSeconds:0} s ({Count(run.Startup.Indexed)} articles)"));
        yield return Verdict(run.FirstStartupMet, Invariant($"first start-up, no index image, {Seconds(run.Startup.Total)} ≤ {run.Targets.StartupSeconds:0} s ({Count(run.Startup.Indexed)} articles)"));
        yield return Verdict(run.MemoryMet, Invariant($"peak working set {Megabytes(run.PeakWorkingSet)} ≤ {Megabytes(run.Targets.PeakWorkingSetBytes)}"));
        var met = run.Commands.Count(c => c.Met) + (run.StartupMet ? 1 : 0) + (run.FirstStartupMet ? 1 : 0) + (run.MemoryMet ? 1 : 0);
        yield return Invariant($"{met} of {run.Commands.Count + 3} targets met (each command counts once, with all its conditions).");
    }

    private static string Verdict(bool met, string text) => (met ? "PASS  " : "MISS  ") + text;

    private static string TargetText(CommandTarget target)
    {
        var text = Invariant($"p50 ≤ {target.P50Ms:0} ms, p99 ≤ {target.P99Ms:0} ms");
        return target.MinSpeedup is { } min ? text + Invariant($", ≥ ×{min:0} naive") : text;
    }

    private static string MetText(CommandResult c)
    {
        if (c.Met)
        {
            return "yes";
        }

        var missed = new List<string>();
        if (!c.P50Met)
        {
            missed.Add("p50");
        }

        if (!c.P99Met)
        {
            missed.Add("p99");
        }

        if (!c.SpeedupMet)
        {
            missed.Add("ratio");
        }

        if (c.Problems > 0)
        {
            missed.Add("errors");
        }

        return "**no** (" + string.Join(", ", missed) + ")";
    }

    private static string YesNo(bool met) => met ? "met" : "**not met**";

    private static MarkdownTable Groups(string heading, IReadOnlyList<(string Group, LatencySummary Latency)> groups)
    {
        var table = new MarkdownTable((heading, Align.Left), ("calls", Align.Right), ("p50", Align.Right), ("p99", Align.Right), ("max", Align.Right));
        foreach (var (group, latency) in groups)
        {
            table.AddRow(group, Count(latency.Count), Milliseconds(latency.P50Ms), Milliseconds(latency.P99Ms), Milliseconds(latency.MaxMs));
        }

        return table;
    }
}
