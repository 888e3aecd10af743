namespace NewsBot.Benchmarks.Commands;

/// <summary>
/// Search latency in groups: by how many articles matched, read from the reply's heading
/// ("1,234 results for …"), or, for the sharper language, by the shape of the query.
/// </summary>
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

    // As CommandWorkload draws them; the first part of the query that tells them apart decides.
    private static readonly (string Mark, string Label)[] Shapes =
    [
        ("source:", "`source:\"…\" a`"),
        ("topic:", "`a topic:t -topic:world`"),
        ("title:", "`title:a b`"),
        (" /", "`a /^pre/`"),
        (") -", "`(a OR b) -c`"),
        (" OR ", "`a OR b`"),
    ];

    private readonly string[] _labels;
    private readonly Func<string, Reply, int> _group;
    private readonly LatencyRecorder[] _recorders;

    private SearchBuckets(string[] labels, Func<string, Reply, int> group)
    {
        _labels = labels;
        _group = group;
        _recorders = [.. labels.Select(_ => new LatencyRecorder(256))];
    }

    public static SearchBuckets ByMatches() => new([.. Limits.Select(l => l.Label)], (_, reply) => Array.FindIndex(Limits, l => Matches(reply) <= l.UpTo));

    public static SearchBuckets ByShape() => new([.. Shapes.Select(s => s.Label), "other"], (text, _) =>
    {
        var shape = Array.FindIndex(Shapes, s => text.Contains(s.Mark, StringComparison.Ordinal));
        return shape >= 0 ? shape : Shapes.Length;
    });

    public void Record(long elapsed, string text, Reply reply) => _recorders[_group(text, reply)].Record(elapsed);

    public IReadOnlyList<(string Group, LatencySummary Latency)> Summarize() =>
        [.. _labels.Select((label, i) => (label, _recorders[i].Summarize())).Where(b => b.Item2.HasData)];

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
