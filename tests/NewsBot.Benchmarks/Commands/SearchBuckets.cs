namespace NewsBot.Benchmarks.Commands;

/// <summary>Search latency grouped by how many articles matched, read from the reply's heading ("1,234 results for …").</summary>
internal sealed class SearchBuckets
{
    private static readonly (int UpTo, string Label)[] Limits =
    [
        (0, "no match"),
        (1_000, "1–1,000"),
        (10_000, "1,001–10,000"),
        (50_000, "10,001–50,000"),
        (int.MaxValue, "over 50,000"),
    ];

    private readonly LatencyRecorder[] _recorders = [.. Limits.Select(_ => new LatencyRecorder(256))];

    public void Record(long elapsed, Reply reply) => _recorders[Bucket(Matches(reply))].Record(elapsed);

    public IReadOnlyList<(string Matches, LatencySummary Latency)> Summarize() =>
        [.. Limits.Select((limit, i) => (limit.Label, _recorders[i].Summarize())).Where(b => b.Item2.HasData)];

    private static int Bucket(int matches) => Array.FindIndex(Limits, l => matches <= l.UpTo);

    private static int Matches(Reply reply)
    {
        var heading = reply.Blocks.OfType<TextBlock>().FirstOrDefault(b => b.Style == TextStyle.Heading)?.Text;
        if (heading is null)
        {
            return 0;
        }

        var digits = new string([.. heading.TakeWhile(c => char.IsAsciiDigit(c) || c == ',')]).Replace(",", "", StringComparison.Ordinal);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
    }
}
