using CodeHollow.FeedReader;

namespace NewsBot.Benchmarks.Ingest;

/// <summary>A feed copy as the poller received it, for the parsers alone.</summary>
internal sealed record FeedBytes(byte[] Content, string? Charset, Uri Url, FeedFormat Format, string ETag);

/// <summary>
/// The baseline: CodeHollow.FeedReader's <c>FeedReader.ReadFromByteArray</c> on every source's
/// bytes, and NewsBot's <see cref="FeedParser.Parse"/> (decode, sanitise, stream-read with its own reader,
/// then normalise: HTML to text, canonical links, images, dates, categories) on the same bytes.
/// Both single-threaded, as <c>PollDueAsync</c> parses one feed at a time; passes alternate so
/// both see the same machine, and the median pass of each is kept.
/// </summary>
internal static class ParseBaseline
{
    private const int WarmUpDocuments = 50;

    public static (ParseTiming CodeHollow, ParseTiming NewsBot) Measure(IReadOnlyList<FeedBytes> documents, int passes, CancellationToken cancellationToken)
    {
        var parser = new FeedParser();
        var warmUp = documents.Take(WarmUpDocuments).ToList();
        TimeCodeHollow(warmUp, cancellationToken);
        TimeNewsBot(parser, warmUp, cancellationToken);

        var codeHollow = new List<ParseTiming>(passes);
        var newsBot = new List<ParseTiming>(passes);
        for (var pass = 0; pass < passes; pass++)
        {
            codeHollow.Add(TimeCodeHollow(documents, cancellationToken));
            newsBot.Add(TimeNewsBot(parser, documents, cancellationToken));
        }

        return (Median(codeHollow), Median(newsBot));
    }

    private static ParseTiming TimeCodeHollow(IReadOnlyList<FeedBytes> documents, CancellationToken cancellationToken) =>
        Time(documents, document =>
        {
            try
            {
                return (FeedReader.ReadFromByteArray(document.Content).Items.Count, null);
            }
            // The library throws anything on a document it cannot read; counted, never fatal.
            catch (Exception ex)
            {
                return (0, $"{ex.GetType().Name}: {ex.Message}");
            }
        },
        cancellationToken);

    private static ParseTiming TimeNewsBot(FeedParser parser, IReadOnlyList<FeedBytes> documents, CancellationToken cancellationToken) =>
        Time(documents, document =>
        {
            var parsed = parser.Parse(document.Content, document.Charset, document.Url);
            return (parsed.Entries.Count, parsed.IsFeed ? null : string.Join(" ", parsed.Problems.Select(NewsBot.Core.Languages.StoredText.InEnglish)));
        },
        cancellationToken);

    /// <summary>One pass of <paramref name="parse"/> over every document: the items it read, and the documents it could not read.</summary>
    private static ParseTiming Time(IReadOnlyList<FeedBytes> documents, Func<FeedBytes, (int Items, string? Failure)> parse, CancellationToken cancellationToken)
    {
        Settle();
        var items = 0L;
        var failures = 0;
        string? firstFailure = null;
        var meter = ResourceMeter.Start();
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (read, failure) = parse(document);
            items += read;
            if (failure is not null)
            {
                failures++;
                firstFailure ??= $"{document.Url}: {failure}";
            }
        }

        var usage = meter.Stop();
        return new ParseTiming(usage.Wall, usage.Cpu, items, documents.Count, failures, firstFailure);
    }

    /// <summary>Collects the previous pass's garbage, so no pass pays for another's.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static ParseTiming Median(List<ParseTiming> passes)
    {
        Debug.Assert(passes.Count > 0, "at least one pass");
        return passes.OrderBy(p => p.Wall).ElementAt(passes.Count / 2);
    }
}
