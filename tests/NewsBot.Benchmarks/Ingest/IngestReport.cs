using NewsBot.Benchmarks.Stores;
using NewsBot.Benchmarks.Reporting;
using static NewsBot.Benchmarks.Reporting.Units;

namespace NewsBot.Benchmarks.Ingest;

/// <summary>The printed result of the <c>ingest</c> scenario: a README-ready table, the breakdown, memory, capacity, a verdict per target.</summary>
internal static class IngestReport
{
    public static string Render(IngestRun run)
    {
        var s = run.Settings;
        var parse = run.Parse;
        var baseline = parse.CodeHollow;
        var text = new StringBuilder();
        text.Append('\n');
        text.Append("## Feed ingestion\n\n");
        text.Append(Invariant($"{Count(s.Sources)} feeds × {s.Items} items on a loopback site ({Formats(parse)}; {Bytes(run.FirstRound.Bytes / (double)run.FirstRound.Items)} per item, {Megabytes(run.FirstRound.Bytes)} per round of feeds"));
        text.Append(s.Gzip ? Invariant($", {Megabytes(run.FirstRound.WireBytes)} gzip-compressed on the wire") : ", uncompressed on the wire");
        text.Append(Invariant($"), text drawn from a {Count(s.Vocabulary)}-word Zipf vocabulary, about one item in ten a story several feeds carry at once, seed {s.Seed}. The site is Kestrel on 127.0.0.1 in a child process, so CPU, memory and GC figures are NewsBot's alone. "));
        text.Append(Invariant($"NewsBot: `FeedPollingService.PollDueAsync` over the real `FeedFetcher`, `FeedParser`, `ArticleIngestor` and the stores ({string.Join(" and ", run.Stores.Select(st => st.Store.Label()))}, each on a new database of its own, one after the other in this run), {s.Concurrency} fetches at once and {s.Concurrency} per host (the site is one host); every source is due in every cycle (the clock is moved past the latest next-poll time). "));
        text.Append(Invariant($"Baseline: CodeHollow.FeedReader `ReadFromByteArray` alone on the same bytes, in the same run, one thread: **{Seconds(baseline.Wall)}** for the {Count(baseline.Documents)} feeds of cycle 1.\n\n"));

        var table = new MarkdownTable(
            ("cycle", Align.Left),
            ("store", Align.Left),
            ("site answered", Align.Left),
            ("wall", Align.Right),
            ("CPU", Align.Right),
            ("items/s", Align.Right),
            ("stored", Align.Right),
            ("wall ÷ CodeHollow parse", Align.Right),
            ("CPU ÷ CodeHollow parse", Align.Right),
            ("target", Align.Left),
            ("met", Align.Left));
        foreach (var store in run.Stores)
        {
            foreach (var cycle in store.Cycles)
            {
                var (target, met) = cycle.Kind switch
                {
                    CycleKind.FirstFetch => (Invariant($"≤ {IngestTargets.FullCycle.TotalSeconds:0} s"), store.FullCycleMet ? "yes" : "**no**"),
                    CycleKind.NotModified => (Invariant($"≤ {IngestTargets.AllNotModified(store.Store).TotalSeconds:0.0} s"), store.NotModifiedMet ? "yes" : "**no**"),
                    _ => ("–", "–"),
                };
                table.AddRow(
                    cycle.Label,
                    store.Store.Label(),
                    Answers(cycle.Site),
                    Seconds(cycle.Usage.Wall),
                    Seconds(cycle.Usage.Cpu),
                    cycle.ItemsRead > 0 ? Count((long)cycle.ItemsPerSecond) : "–",
                    Count(cycle.Added),
                    Invariant($"{Ratio(cycle.Usage.Wall / baseline.Wall)} ({Seconds(cycle.Usage.Wall)} / {Seconds(baseline.Wall)})"),
                    Invariant($"{Ratio(cycle.Usage.Cpu / baseline.Cpu)} ({Seconds(cycle.Usage.Cpu)} / {Seconds(baseline.Cpu)})"),
                    target,
                    met);
            }
        }

        text.Append(table).Append('\n');
        text.Append("items/s: items in the feeds the site sent in full, per second of wall time. CPU: the benchmark process's CPU time (all threads, GC included) over the cycle; ");
        text.Append("on 2 cores a cycle can use up to twice its wall time.\n\n");

        foreach (var store in run.Stores.Skip(1))
        {
            text.Append(Invariant($"- {store.Store.Label()}: peak working set of its cycles {Megabytes(store.PeakWorkingSet)}; capacity {Count(RoundDown(store.Capacity.Sources))} sources (all 304: {Count(RoundDown(store.Capacity.AllNotModified))}; all unchanged 200: {Count(RoundDown(store.Capacity.AllResent))}); idle scheduler tick {Milliseconds(store.Idle.CpuPerCall.TotalMilliseconds)} CPU; database after the run {Megabytes(store.DatabaseBytes)} for {Count(store.Articles)} articles. The sections below are {run.Stores[0].Store.Label()}'s.\n"));
        }

        text.Append(Invariant($"- Peak memory (peak working set of the cycles, {run.Stores[0].Store.Label()}): **{Megabytes(run.PeakWorkingSet)}**, GC heap at most {Megabytes(run.PeakGcHeap)}; target ≤ {Megabytes(IngestTargets.PeakWorkingSetBytes)}: {YesNo(run.MemoryMet)}.\n"));
        text.Append(Invariant($"- Capacity at a {IngestTargets.Interval.TotalMinutes:0}-minute interval within 10 % of one core ({IngestTargets.CpuBudget.TotalSeconds:0} CPU-seconds per {IngestTargets.Interval.TotalMinutes:0} minutes): **{Count(RoundDown(run.Capacity.Sources))} sources** (half answering 304, half resending unchanged feeds; formula below); target ≥ {Count(IngestTargets.CapacitySources)}: {YesNo(run.CapacityMet)}. "));
        text.Append(Invariant($"All 304: {Count(RoundDown(run.Capacity.AllNotModified))}; all unchanged 200: {Count(RoundDown(run.Capacity.AllResent))}.\n"));
        text.Append(Invariant($"- Machine: {run.Machine.Sentence(run.LoadAtEnd)} (the feed site shares the cores: its CPU per cycle is listed below).\n\n"));

        text.Append("### Parsing and fetching alone, on the same bytes\n\n");
        var mb = parse.Bytes / 1e6;
        text.Append(Invariant($"Cycle 1's {Count(parse.Documents)} feed copies ({Megabytes(parse.Bytes)}, {Count(parse.Identical)} of them byte-identical to what the poller fetched: the ETag the poller stored is the SHA-256 of the bytes), one thread, median of {parse.Passes} alternating passes after a warm-up.\n\n"));
        var parts = new MarkdownTable(
            ("step", Align.Left),
            ("wall", Align.Right),
            ("CPU", Align.Right),
            ("MB/s", Align.Right),
            ("items", Align.Right),
            ("÷ CodeHollow", Align.Right));
        parts.AddRow("CodeHollow.FeedReader `ReadFromByteArray` (baseline)", Seconds(baseline.Wall), Seconds(baseline.Cpu), Invariant($"{mb / baseline.Wall.TotalSeconds:N1}"), Count(baseline.Items), "×1.0");
        parts.AddRow(
            "NewsBot `FeedParser.Parse`: decode, sanitise, stream-read, normalise (HTML to text, links, images, dates)",
            Seconds(parse.NewsBot.Wall), Seconds(parse.NewsBot.Cpu), Invariant($"{mb / parse.NewsBot.Wall.TotalSeconds:N1}"), Count(parse.NewsBot.Items), Ratio(parse.NewsBotOverCodeHollow));
        parts.AddRow(
            Invariant($"NewsBot `FeedFetcher` alone, every feed sent (200, {s.Concurrency} at once)"),
            Seconds(run.FetchAll200.Usage.Wall), Seconds(run.FetchAll200.Usage.Cpu), Invariant($"{run.FetchAll200.Bytes / 1e6 / run.FetchAll200.Usage.Wall.TotalSeconds:N1}"), "–", Ratio(run.FetchAll200.Usage.Wall / baseline.Wall));
        parts.AddRow(
            Invariant($"NewsBot `FeedFetcher` alone, every feed 304 ({s.Concurrency} at once)"),
            Seconds(run.FetchAll304.Usage.Wall), Seconds(run.FetchAll304.Usage.Cpu), "–", "–", Ratio(run.FetchAll304.Usage.Wall / baseline.Wall));
        text.Append(parts).Append('\n');
        foreach (var timing in new[] { ("CodeHollow", baseline), ("NewsBot", parse.NewsBot) }.Where(t => t.Item2.Failures > 0))
        {
            text.Append(Invariant($"- **{timing.Item1} could not read {timing.Item2.Failures} documents**, e.g. {timing.Item2.FirstFailure}\n"));
        }

        foreach (var pass in new[] { ("200", run.FetchAll200), ("304", run.FetchAll304) }.Where(p => p.Item2.Failed > 0))
        {
            text.Append(Invariant($"- **The fetch-only pass ({pass.Item1}) had {pass.Item2.Failed} failures**, e.g. {pass.Item2.FirstFailure}\n"));
        }

        text.Append("### Where a cycle's CPU goes\n\n");
        text.Append("Each part measured on its own, on the same feeds: fetch = the fetcher alone (the 304 pass for cycle 2); parse = `FeedParser` alone (cycle 4's feeds are the same size as cycle 1's); ingest = the real `ArticleIngestor` (item keys, topic classification, story matching, the in-memory index) replayed over the parsed entries with the articles kept in memory instead of a database, cycles 1, 3 and 4 in order; the store = the time spent inside the stores (LiteDB in the process, or PostgreSQL's round trips) during the cycle itself (a stopwatch around each `IArticleStore` / `ISourceStore` call); JIT = the runtime's own count of compilation time during the cycle (`JitInfo.GetCompilationTime`), code that tiered compilation was still optimising although a warm-up ran first. The remainder is the cycle's CPU minus those: scheduling, garbage collection of a bigger heap, and whatever a part costs more inside the cycle than alone.\n\n");
        var all = run.Stores.SelectMany(st => st.Cycles.Select(c => (Store: st.Store, Cycle: c))).ToList();
        var breakdown = new MarkdownTable([("CPU seconds", Align.Left), .. all.Select(x => (Invariant($"{(run.Stores.Count > 1 ? x.Store.Label() + ", " : "")}cycle {x.Cycle.Number}"), Align.Right))]);
        var rows = all.Select(x => Breakdown(run, x.Cycle)).ToList();
        breakdown.AddRow(["fetch", .. rows.Select(r => Share(r.Fetch, r.Total))]);
        breakdown.AddRow(["parse + normalise", .. rows.Select(r => Share(r.Parse, r.Total))]);
        breakdown.AddRow(["ingest (keys, topics, stories, index)", .. rows.Select(r => Share(r.Ingest, r.Total))]);
        breakdown.AddRow(["the store (articles and sources)", .. rows.Select(r => Share(r.Store, r.Total))]);
        breakdown.AddRow(["JIT (methods still being tiered up)", .. rows.Select(r => Share(r.Jit, r.Total))]);
        breakdown.AddRow(["remainder", .. rows.Select(r => Share(r.Remainder, r.Total))]);
        breakdown.AddRow(["whole cycle", .. rows.Select(r => Seconds(r.Total))]);
        breakdown.AddRow(["store calls (articles / sources)", .. all.Select(x => Invariant($"{Count(x.Cycle.Store.ArticleCalls)} / {Count(x.Cycle.Store.SourceCalls)}"))]);
        breakdown.AddRow(["store, article calls alone", .. all.Select(x => Seconds(x.Cycle.Store.Articles))]);
        text.Append(breakdown).Append('\n');
        var ip = run.IngestParts;
        text.Append(Invariant($"Inside cycle 1's ingest, each alone on the same {Count(ip.Entries)} entries: topic classification {Seconds(ip.Classify.Cpu)} ({ip.Classify.Cpu.TotalMilliseconds * 1000 / ip.Entries:0} µs an item; it runs for every item, also those already stored), story matching and indexing {Seconds(ip.StoriesAndIndex.Cpu)} on a fresh index ({ip.StoriesAndIndex.Cpu.TotalMilliseconds * 1000 / ip.Entries:0} µs an item on average, rising as the index grows; {Megabytes(ip.StoriesAndIndex.AllocatedBytes)} allocated). "));
        text.Append(Invariant($"Garbage collections in cycle 1: {run.Cycle(CycleKind.FirstFetch).Usage.Gen2Collections} of generation 2 for {Megabytes(run.Cycle(CycleKind.FirstFetch).Usage.AllocatedBytes)} allocated.\n\n"));
        text.Append("`PollDueAsync` fetches up to the cap at once but parses, ingests and stores one source at a time, in order, on one thread: those parts add up to a floor under the cycle's wall time however many cores there are.\n\n");

        text.Append("### Memory and the site, cycle by cycle\n\n");
        var memory = new MarkdownTable(
            ("cycle", Align.Left),
            ("peak working set", Align.Right),
            ("GC heap peak", Align.Right),
            ("GC committed peak", Align.Right),
            ("working set after", Align.Right),
            ("live after", Align.Right),
            ("allocated", Align.Right),
            ("GCs (gen0/1/2)", Align.Right),
            ("site CPU", Align.Right),
            ("sent", Align.Right));
        foreach (var c in run.Cycles)
        {
            memory.AddRow(
                Invariant($"cycle {c.Number}"),
                Megabytes(c.PeakWorkingSet),
                Megabytes(c.Sampled.GcHeap),
                Megabytes(c.Sampled.GcCommitted),
                Megabytes(c.After.WorkingSet),
                Megabytes(c.LiveAfter),
                Megabytes(c.Usage.AllocatedBytes),
                Invariant($"{c.Usage.Gen0Collections}/{c.Usage.Gen1Collections}/{c.Usage.Gen2Collections}"),
                Seconds(c.SiteCpu),
                Megabytes(c.Site.BytesSent));
        }

        text.Append(memory).Append('\n');
        text.Append(Invariant($"Peak working set: Linux VmHWM, restarted at the start of each cycle{(run.Cycles.All(c => c.PeakWasReset) ? "" : " (where that was not possible: sampled every 50 ms)")}. GC heap: the larger of the heap after the last collection and the bytes in use, sampled every 50 ms. Live after: managed bytes still reachable after a full collection once the cycle is over (the index, LiteDB's page cache, the sources); that collection is outside the timing, so every cycle starts from a collected heap.\n\n"));

        text.Append("### Capacity\n\n```\n");
        var cap = run.Capacity;
        var c2 = run.Cycle(CycleKind.NotModified);
        var c3 = run.Cycle(CycleKind.UnchangedResent);
        text.Append(Invariant($"c304  = cycle 2 CPU / sources = {c2.Usage.Cpu.TotalSeconds:0.000} s / {Count(s.Sources)} = {cap.PerSource304 * 1000:0.000} ms per source per poll\n"));
        text.Append(Invariant($"c200  = cycle 3 CPU / sources = {c3.Usage.Cpu.TotalSeconds:0.000} s / {Count(s.Sources)} = {cap.PerSource200 * 1000:0.000} ms per source per poll\n"));
        text.Append(Invariant($"ctick = idle PollDueAsync CPU / sources = {run.Idle.CpuPerCall.TotalMilliseconds:0.00} ms / {Count(s.Sources)} = {cap.PerSourceTick * 1e6:0.00} µs per source per tick (mean of {run.Idle.Calls} calls; it reads every source)\n"));
        text.Append(Invariant($"ticks = {IngestTargets.Interval.TotalMinutes:0} min / {IngestTargets.SchedulerTick.TotalSeconds:0} s scheduler tick = {IngestTargets.TicksPerInterval:0} per interval\n"));
        text.Append(Invariant($"S     = {IngestTargets.CpuBudget.TotalSeconds:0} s / (½ c304 + ½ c200 + ticks × ctick) = {Count(RoundDown(cap.Sources))} sources"));
        text.Append(Invariant($"  (idle ticks are {cap.TickShareOfBlended * 100:0} % of that cost)\n"));
        text.Append(Invariant($"        all 304: {Count(RoundDown(cap.AllNotModified))}; all unchanged 200: {Count(RoundDown(cap.AllResent))}\n"));
        text.Append("```\n\n");
        text.Append("Assumes the per-source costs stay linear as the number of sources grows (the tick's full read of the sources collection is linear by construction) and leaves out the cost of genuinely new items, which most ten-minute polls do not find.\n\n");

        text.Append("### Details\n\n");
        foreach (var c in run.Cycles)
        {
            text.Append(Invariant($"- Cycle {c.Number}: {Count(c.Due)} sources due, {Count(c.Polled)} polled, {c.Failed} failed{(c.FirstError is null ? "" : " (first: " + c.FirstError + ")")}; {Count(c.Added)} articles stored, {Count(c.NewForSubscribers)} of them new for subscribers, {Count(c.JoinedStories)} joined to another source's story; {Megabytes(c.Sampled.WorkingSet)} sampled peak working set.\n"));
        }

        if (run.SecondRound is { } second)
        {
            text.Append(Invariant($"- Cycle 4's feeds list items {second.FirstItem} to {second.FirstItem + s.Items - 1}: {s.NewItemsInCycle4} new items per feed ({s.NewPercent} %), the oldest {s.NewItemsInCycle4} gone.\n"));
        }

        text.Append(Invariant($"- Idle scheduler tick (`PollDueAsync` with nothing due): {Milliseconds(run.Idle.WallPerCall.TotalMilliseconds)} wall, {Milliseconds(run.Idle.CpuPerCall.TotalMilliseconds)} CPU per call over {Count(s.Sources)} sources; {run.Idle.Fetches} requests reached the site.\n"));
        text.Append(Invariant($"- Database after the run: {Count(run.Articles)} articles, file {Megabytes(run.DatabaseBytes)}. Registering the {Count(s.Sources)} sources took {Seconds(run.Registration)}; the warm-up {Seconds(run.WarmUp.Time)}: {run.WarmUp.Rounds} rounds of a throwaway poller reading {run.WarmUp.Sources} sources into a fresh database (the first round also in the 304 and unchanged-200 modes), until a round compiled fewer than {IngestScenario.WarmUpQuietMethods} methods or after {IngestScenario.WarmUpRounds} rounds (the last compiled {run.WarmUp.MethodsInLastRound:N0}; a fresh database always compiles a few hundred accessors of its own).\n"));
        text.Append(Invariant($"- Admin notices (sources disabled): {run.AdminNotices}. Logging goes nowhere (NullLogger); the app at Information level also writes one line per source that stored articles.\n"));
        text.Append("- The clock the scheduler, poller and ingestor read is moved by hand between cycles; fetch time-outs run on the real clock, as in the tests' PollingHarness.\n");
        text.Append("- The poller starts on an empty database with an empty index. A bot restarted on a full database first reads every article into the index (`ArticleIndexLoader`), which also leaves LiteDB's page cache holding them: that memory (measured by the `commands` scenario) comes on top of the figures here.\n");
        if (!run.Clean)
        {
            text.Append("- **Not every cycle went as planned (a source failed or was not polled): read the numbers above with that in mind.**\n");
        }

        text.Append("\n### Verdict\n\n```\n");
        foreach (var line in Verdicts(run))
        {
            text.Append(line).Append('\n');
        }

        text.Append("```\n");
        if (run.Shared is { } shared && run.Stores.FirstOrDefault(st => st.Store == StoreKind.Postgres) is { } alone)
        {
            text.Append(SharedReadingReport.Render(shared, alone, s.Sources));
        }

        return text.ToString();
    }

    private static IEnumerable<string> Verdicts(IngestRun run)
    {
        var baseline = run.Parse.CodeHollow.Wall;
        var met = 0;
        var total = 0;
        foreach (var store in run.Stores)
        {
            var label = store.Store.Label();
            var first = store.Cycle(CycleKind.FirstFetch);
            var notModified = store.Cycle(CycleKind.NotModified);
            yield return Verdict(store.FullCycleMet, Invariant($"{label}: full cycle (cycle 1, {Count(first.ItemsRead)} items) {Seconds(first.Usage.Wall)} ≤ {IngestTargets.FullCycle.TotalSeconds:0} s (CodeHollow parse alone {Seconds(baseline)}, ×{first.Usage.Wall / baseline:0.0})"));
            yield return Verdict(store.NotModifiedMet, Invariant($"{label}: all-304 cycle {Seconds(notModified.Usage.Wall)} ≤ {IngestTargets.AllNotModified(store.Store).TotalSeconds:0.0} s"));
            yield return Verdict(store.MemoryMet, Invariant($"{label}: peak working set {Megabytes(store.PeakWorkingSet)} ≤ {Megabytes(IngestTargets.PeakWorkingSetBytes)}"));
            yield return Verdict(store.CapacityMet, Invariant($"{label}: capacity {Count(RoundDown(store.Capacity.Sources))} sources ≥ {Count(IngestTargets.CapacitySources)} at a {IngestTargets.Interval.TotalMinutes:0}-minute interval within 10 % of one core"));
            met += (store.FullCycleMet ? 1 : 0) + (store.NotModifiedMet ? 1 : 0) + (store.MemoryMet ? 1 : 0) + (store.CapacityMet ? 1 : 0);
            total += 4;
        }

        yield return Verdict(run.ParseMet, Invariant($"parse ×{run.Parse.NewsBotOverCodeHollow:0.0} CodeHollow's on the same bytes ({Seconds(run.Parse.NewsBot.Wall)} / {Seconds(baseline)}) ≤ ×{IngestTargets.ParseOverBaseline:0.0}"));
        if (!run.Clean)
        {
            yield return Verdict(false, "every source polled without error in every cycle");
        }

        met += run.ParseMet ? 1 : 0;
        yield return Invariant($"{met} of {total + 1} targets met.");
    }

    private static (double Fetch, double Parse, double Ingest, double Store, double Jit, double Remainder, TimeSpan Total) Breakdown(IngestRun run, CycleResult cycle)
    {
        var fetch = cycle.Kind == CycleKind.NotModified ? run.FetchAll304.Usage.Cpu.TotalSeconds : run.FetchAll200.Usage.Cpu.TotalSeconds;
        var parse = cycle.Kind == CycleKind.NotModified ? 0 : run.Parse.NewsBot.Cpu.TotalSeconds;
        var ingest = run.Ingest.TryGetValue(cycle.Kind, out var pass) ? pass.Usage.Cpu.TotalSeconds : 0;
        var store = cycle.Store.Total.TotalSeconds;
        var jit = cycle.Usage.JitTime.TotalSeconds;
        var total = cycle.Usage.Cpu;
        return (fetch, parse, ingest, store, jit, total.TotalSeconds - fetch - parse - ingest - store - jit, total);
    }

    private static string Share(double seconds, TimeSpan total)
    {
        // A remainder a few milliseconds below zero is measurement noise, not a negative cost.
        seconds = seconds is < 0 and > -0.005 ? 0 : seconds;
        return Invariant($"{seconds:0.00} s ({seconds / total.TotalSeconds * 100:0} %)");
    }

    internal static string Answers(Ingest.SiteStats site)
    {
        var parts = new List<string>();
        if (site.Ok > 0)
        {
            parts.Add(Invariant($"{Count(site.Ok)} × 200"));
        }

        if (site.NotModified > 0)
        {
            parts.Add(Invariant($"{Count(site.NotModified)} × 304"));
        }

        if (site.Other > 0)
        {
            parts.Add(Invariant($"{Count(site.Other)} × other"));
        }

        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
    }

    private static string Formats(ParseComparison parse) => string.Join(", ", new[]
    {
        (FeedFormat.Rss, "RSS 2.0"),
        (FeedFormat.Atom, "Atom"),
        (FeedFormat.JsonFeed, "JSON Feed"),
    }.Where(f => parse.Formats.ContainsKey(f.Item1)).Select(f => Invariant($"{Count(parse.Formats[f.Item1])} {f.Item2}")));

    private static string Bytes(double bytes) => bytes >= 1000 ? Invariant($"{bytes / 1000:0.0} KB") : Invariant($"{bytes:0} bytes");

    private static long RoundDown(double sources) => double.IsFinite(sources) ? (long)(Math.Floor(sources / 100) * 100) : 0;

    private static string Verdict(bool met, string text) => (met ? "PASS  " : "MISS  ") + text;

    private static string YesNo(bool met) => met ? "met" : "**not met**";
}
