using NewsBot.Benchmarks.Reporting;
using NewsBot.Benchmarks.Stores;
using static NewsBot.Benchmarks.Reporting.Units;

namespace NewsBot.Benchmarks.Fanout;

/// <summary>The printed result of the <c>fanout</c> scenario: a README-ready table, one row per measure and store, and a verdict per target.</summary>
internal static class FanoutReport
{
    public const double LiftedTarget = 2_000;
    public const double PacedShare = 0.95;
    public const long MemoryTarget = 500_000_000;

    /// <summary>Match + enqueue of the batch: LiteDB in one process, PostgreSQL over a connection.</summary>
    public static TimeSpan PlanningTarget(StoreKind store) => TimeSpan.FromSeconds(store == StoreKind.Postgres ? 10 : 5);

    public static string Render(FanoutRun run)
    {
        var s = run.Settings;
        var b = run.Baseline;
        var first = run.Stores[0];
        var text = new StringBuilder();
        text.Append("\n## Fan-out\n\n");
        text.Append(Invariant($"{Count(run.Seeded.Chats)} chats (one in ten a group) with {Count(run.Seeded.Subscriptions)} subscriptions ({Count(run.Seeded.Topic)} topics, {Count(run.Seeded.Keyword)} keyword queries; {Count(run.Seeded.Instant)} instant, the rest daily), seed {s.Seed}. "));
        text.Append(Invariant($"One batch of {first.Articles} new articles: {Count(first.Entries)} outbox entries (one per chat reached) carrying {Count(first.Stories)} stories. "));
        text.Append(Invariant($"Stores: {string.Join(", ", run.Stores.Select(r => r.Store.Label()))}, measured one after the other in this run on the same chats and subscriptions (PostgreSQL's are a `storage copy` of LiteDB's). "));
        text.Append(Invariant($"Baseline of the first rows: one document per (chat, story) with three indexes and a lookup per insert, in LiteDB ({Count(b.AllDocuments)} documents; {Count(b.SampleDocuments)} of them, for the first {Count(s.BaselineChats)} chats, written in {Seconds(b.SampleWrite)} and scaled, plus its matching {Seconds(b.Matching)}). "));
        text.Append(Invariant($"Dispatch baseline: the same {Count(first.Lifted.Sent)} sends to the same loopback platform straight from {first.Lifted.InFlight} loops, no outbox. "));
        text.Append(Invariant($"Paced baseline: Telegram's ceiling of {first.Paced.Ceiling:0}/s; the fake refuses with 429 what exceeds its token buckets.\n\n"));

        var table = new MarkdownTable(
            ("measure", Align.Left),
            ("store", Align.Left),
            ("NewsBot", Align.Right),
            ("baseline", Align.Right),
            ("NewsBot ÷ baseline", Align.Right),
            ("target", Align.Left),
            ("met", Align.Left));
        foreach (var r in run.Stores)
        {
            table.AddRow(
                Invariant($"match + enqueue, {r.Articles} articles × {Count(run.Seeded.Chats)} chats"),
                r.Store.Label(),
                Seconds(r.Planning),
                Seconds(b.Scaled) + " (scaled)",
                Ratio(b.Scaled / r.Planning) + " faster",
                Invariant($"≤ {PlanningTarget(r.Store).TotalSeconds:0} s"),
                YesNo(r.Planning <= PlanningTarget(r.Store)));
        }

        foreach (var r in run.Stores)
        {
            table.AddRow(
                "dispatch rate, ceilings lifted",
                r.Store.Label(),
                Invariant($"{r.Lifted.Rate:N0} msg/s"),
                Invariant($"{r.Lifted.RawRate:N0} msg/s"),
                Invariant($"{r.Lifted.Rate / r.Lifted.RawRate:0.00}"),
                Invariant($"≥ {LiftedTarget:N0} msg/s"),
                YesNo(r.Lifted.Rate >= LiftedTarget));
        }

        foreach (var r in run.Stores)
        {
            table.AddRow(
                Invariant($"dispatch rate, Telegram ceilings ({r.Paced.Seconds} s)"),
                r.Store.Label(),
                Invariant($"{r.Paced.Rate:0.0} msg/s, {r.Paced.Refused} × 429"),
                Invariant($"{r.Paced.Ceiling:0} msg/s"),
                Invariant($"{r.Paced.Rate / r.Paced.Ceiling:0.00}"),
                Invariant($"≥ {PacedShare * r.Paced.Ceiling:0.0} msg/s, no 429"),
                YesNo(PacedMet(r)));
        }

        foreach (var r in run.Stores)
        {
            table.AddRow(
                "peak memory (working set)",
                r.Store.Label(),
                Megabytes(r.PeakWorkingSet),
                "–",
                "–",
                Invariant($"≤ {Megabytes(MemoryTarget)}"),
                YesNo(r.PeakWorkingSet <= MemoryTarget));
        }

        text.Append(table);

        text.Append('\n');
        foreach (var r in run.Stores)
        {
            text.Append(Invariant($"- {r.Store.Label()}: start-up before the batch (subscriptions into the matcher, chats into memory, planner position) {Seconds(r.Startup)}; busiest second under the ceilings, as a sliding one-second window at the fake, {r.Paced.BusiestSecond} messages; "));
            text.Append(Invariant($"peak working set {Megabytes(r.PeakAfterPlanning)} up to the end of planning, {Megabytes(r.PeakWorkingSet)} over its whole part of the run (the fake platforms and their HTTP clients run in the same process); peak GC heap {Megabytes(r.PeakGcHeap)}, garbage included; {Megabytes(r.LiveAtEnd)} still reachable after a full collection at the end. Working set {(r.PeakFromKernel ? "from VmHWM, reset before the store's part" : "sampled every 20 ms")}.\n"));
        }

        text.Append(Invariant($"- Machine: {run.Machine.Cores} cores, {run.Machine.CpuModel ?? "unknown CPU"}, {run.Machine.Os}, {run.Machine.Runtime}, {run.Machine.GcMode}; load {run.Machine.LoadAverage ?? "–"}{(run.Machine.OptimizedBuild ? "" : "; **Debug build**")}.\n"));
        text.Append("\n### Verdict\n\n```\n");
        foreach (var r in run.Stores)
        {
            var label = r.Store.Label();
            text.Append(Invariant($"{label}: match + enqueue ≤ {PlanningTarget(r.Store).TotalSeconds:0} s: {Plain(r.Planning <= PlanningTarget(r.Store))} ({Seconds(r.Planning)})\n"));
            text.Append(Invariant($"{label}: dispatch ≥ {LiftedTarget:N0} msg/s with the ceilings lifted: {Plain(r.Lifted.Rate >= LiftedTarget)} ({r.Lifted.Rate:N0} msg/s)\n"));
            text.Append(Invariant($"{label}: dispatch ≥ {PacedShare:P0} of {r.Paced.Ceiling:0}/s with no 429 under Telegram's ceilings: {Plain(PacedMet(r))} ({r.Paced.Rate:0.0} msg/s, {r.Paced.Refused} × 429)\n"));
            text.Append(Invariant($"{label}: peak memory ≤ {Megabytes(MemoryTarget)}: {Plain(r.PeakWorkingSet <= MemoryTarget)} ({Megabytes(r.PeakWorkingSet)})\n"));
        }

        text.Append("```\n");
        return text.ToString();
    }

    private static bool PacedMet(StoreFanout r) => r.Paced.Refused == 0 && r.Paced.Rate >= PacedShare * r.Paced.Ceiling;

    private static string YesNo(bool met) => met ? "yes" : "**no**";

    private static string Plain(bool met) => met ? "met" : "MISSED";
}
