using NewsBot.Benchmarks.Reporting;
using static NewsBot.Benchmarks.Reporting.Units;

namespace NewsBot.Benchmarks.Fanout;

/// <summary>The printed result of the <c>fanout</c> scenario: a README-ready table and a verdict per target.</summary>
internal static class FanoutReport
{
    public static readonly TimeSpan PlanningTarget = TimeSpan.FromSeconds(5);
    public const double LiftedTarget = 2_000;
    public const double PacedShare = 0.95;
    public const long MemoryTarget = 500_000_000;

    public static string Render(FanoutRun run)
    {
        var s = run.Settings;
        var b = run.Baseline;
        var text = new StringBuilder();
        text.Append("\n## Fan-out\n\n");
        text.Append(Invariant($"{Count(run.Seeded.Chats)} chats (one in ten a group) with {Count(run.Seeded.Subscriptions)} subscriptions ({Count(run.Seeded.Topic)} topics, {Count(run.Seeded.Keyword)} keyword queries; {Count(run.Seeded.Instant)} instant, the rest daily), seed {s.Seed}. "));
        text.Append(Invariant($"One batch of {run.Articles} new articles: {Count(run.Entries)} outbox entries (one per chat reached) carrying {Count(run.Stories)} stories. "));
        text.Append(Invariant($"Baseline of the first row: one document per (chat, story) with three indexes and a lookup per insert ({Count(b.AllDocuments)} documents; {Count(b.SampleDocuments)} of them, for the first {Count(s.BaselineChats)} chats, written in {Seconds(b.SampleWrite)} and scaled, plus its matching {Seconds(b.Matching)}). "));
        text.Append(Invariant($"Dispatch baseline: the same {Count(run.Lifted.Sent)} sends to the same loopback platform straight from {run.Lifted.InFlight} loops, no outbox. "));
        text.Append(Invariant($"Paced baseline: Telegram's ceiling of {run.Paced.Ceiling:0}/s; the fake refuses with 429 what exceeds its token buckets.\n\n"));

        var table = new MarkdownTable(
            ("measure", Align.Left),
            ("NewsBot", Align.Right),
            ("baseline", Align.Right),
            ("NewsBot ÷ baseline", Align.Right),
            ("target", Align.Left),
            ("met", Align.Left));
        table.AddRow(
            Invariant($"match + enqueue, {run.Articles} articles × {Count(run.Seeded.Chats)} chats"),
            Seconds(run.Planning),
            Seconds(b.Scaled) + " (scaled)",
            Ratio(b.Scaled / run.Planning) + " faster",
            Invariant($"≤ {PlanningTarget.TotalSeconds:0} s"),
            YesNo(run.Planning <= PlanningTarget));
        table.AddRow(
            "dispatch rate, ceilings lifted",
            Invariant($"{run.Lifted.Rate:N0} msg/s"),
            Invariant($"{run.Lifted.RawRate:N0} msg/s"),
            Invariant($"{run.Lifted.Rate / run.Lifted.RawRate:0.00}"),
            Invariant($"≥ {LiftedTarget:N0} msg/s"),
            YesNo(run.Lifted.Rate >= LiftedTarget));
        table.AddRow(
            Invariant($"dispatch rate, Telegram ceilings ({run.Paced.Seconds} s)"),
            Invariant($"{run.Paced.Rate:0.0} msg/s, {run.Paced.Refused} × 429"),
            Invariant($"{run.Paced.Ceiling:0} msg/s"),
            Invariant($"{run.Paced.Rate / run.Paced.Ceiling:0.00}"),
            Invariant($"≥ {PacedShare * run.Paced.Ceiling:0.0} msg/s, no 429"),
            YesNo(PacedMet(run)));
        table.AddRow(
            "peak memory (working set)",
            Megabytes(run.PeakWorkingSet),
            "–",
            "–",
            Invariant($"≤ {Megabytes(MemoryTarget)}"),
            YesNo(run.PeakWorkingSet <= MemoryTarget));
        text.Append(table);

        text.Append('\n');
        text.Append(Invariant($"- Start-up before the batch (subscriptions into the matcher, chats into memory, planner position): {Seconds(run.Startup)}.\n"));
        text.Append(Invariant($"- Busiest second under the ceilings, as a sliding one-second window at the fake: {run.Paced.BusiestSecond} messages.\n"));
        text.Append(Invariant($"- Memory: peak working set {Megabytes(run.PeakAfterPlanning)} up to the end of planning, {Megabytes(run.PeakWorkingSet)} over the whole run (the fake platforms and their HTTP clients run in the same process); peak GC heap {Megabytes(run.PeakGcHeap)}, garbage included; {Megabytes(run.LiveAtEnd)} still reachable after a full collection at the end. Working set {(run.PeakFromKernel ? "from VmHWM, reset after seeding" : "sampled every 20 ms")}.\n"));
        text.Append(Invariant($"- Machine: {run.Machine.Cores} cores, {run.Machine.CpuModel ?? "unknown CPU"}, {run.Machine.Os}, {run.Machine.Runtime}, {run.Machine.GcMode}; load {run.Machine.LoadAverage ?? "–"}{(run.Machine.OptimizedBuild ? "" : "; **Debug build**")}.\n"));
        text.Append("\n### Verdict\n\n```\n");
        text.Append(Invariant($"match + enqueue ≤ {PlanningTarget.TotalSeconds:0} s: {Plain(run.Planning <= PlanningTarget)} ({Seconds(run.Planning)})\n"));
        text.Append(Invariant($"dispatch ≥ {LiftedTarget:N0} msg/s with the ceilings lifted: {Plain(run.Lifted.Rate >= LiftedTarget)} ({run.Lifted.Rate:N0} msg/s)\n"));
        text.Append(Invariant($"dispatch ≥ {PacedShare:P0} of {run.Paced.Ceiling:0}/s with no 429 under Telegram's ceilings: {Plain(PacedMet(run))} ({run.Paced.Rate:0.0} msg/s, {run.Paced.Refused} × 429)\n"));
        text.Append(Invariant($"peak memory ≤ {Megabytes(MemoryTarget)}: {Plain(run.PeakWorkingSet <= MemoryTarget)} ({Megabytes(run.PeakWorkingSet)})\n"));
        text.Append("```\n");
        return text.ToString();
    }

    private static bool PacedMet(FanoutRun run) => run.Paced.Refused == 0 && run.Paced.Rate >= PacedShare * run.Paced.Ceiling;

    private static string YesNo(bool met) => met ? "yes" : "**no**";

    private static string Plain(bool met) => met ? "met" : "MISSED";
}
