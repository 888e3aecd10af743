namespace NewsBot.Cli;

/// <summary><c>newsbot feeds import &lt;file.opml&gt;</c>: checks each feed and adds the good ones as sources.</summary>
internal static class FeedsImportVerb
{
    private const int ParallelChecks = 8;

    public static async Task<int> RunAsync(string path, CancellationToken cancellationToken)
    {
        IReadOnlyList<Opml.Outline> outlines;
        try
        {
            await using var file = File.OpenRead(Path.GetFullPath(path));
            outlines = Opml.Read(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            await Console.Error.WriteLineAsync($"Cannot import {path}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        try
        {
            using var host = NewsBotHost.CreateBuilder(HostMode.TerminalChat).Build();
            var sources = host.Services.GetRequiredService<ISourceStore>();
            var probe = host.Services.GetRequiredService<IFeedProbe>();
            var report = await ImportAsync(outlines, sources, probe, new ProgressBar(Console.Error, outlines.Count), cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(report.Describe(path)).ConfigureAwait(false);
            return outlines.Count > 0 && report.Failed.Count == outlines.Count ? 1 : 0;
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var message))
        {
            await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
            return StartupFailure.ExitCode;
        }
    }

    internal static async Task<ImportReport> ImportAsync(
        IReadOnlyList<Opml.Outline> outlines, ISourceStore sources, IFeedProbe probe, ProgressBar progress, CancellationToken cancellationToken)
    {
        var report = new ImportReport();

        // Decided in file order before any checking, so the first listing of a feed is the one kept.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skips = new string?[outlines.Count];
        for (var i = 0; i < outlines.Count; i++)
        {
            skips[i] = !seen.Add(outlines[i].Url) ? "listed twice in the file"
                : await sources.FindByUrlAsync(outlines[i].Url, cancellationToken).ConfigureAwait(false) is { Enabled: true } known ? $"already source #{known.Id}"
                : null;
        }

        var results = new FeedProbeResult?[outlines.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, outlines.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelChecks, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var outline = outlines[i];
                if (skips[i] is null)
                {
                    results[i] = await probe.ProbeAsync(outline.Url, ct).ConfigureAwait(false);
                }

                progress.Advance(outline.Title.Length > 0 ? outline.Title : outline.Url);
            }).ConfigureAwait(false);
        progress.Finish();

        // Sources are stored in file order, so their ids follow the file.
        for (var i = 0; i < outlines.Count; i++)
        {
            var (outline, result, skip) = (outlines[i], results[i], skips[i]);
            if (skip is not null)
            {
                report.Skipped.Add($"{outline.Url} ({skip})");
            }
            else if (result is { IsFeed: true })
            {
                var name = outline.Title.Length > 0 ? outline.Title : result.Title ?? outline.Url;
                var added = await sources.EnsureAsync(name, result.FeedUrl!, outline.Topics, fromConfiguration: false, cancellationToken).ConfigureAwait(false);
                report.Added.Add($"#{added.Id} {added.Name}");
            }
            else
            {
                report.Failed.Add($"{outline.Url}: {(result?.Problem is { } problem ? StoredText.InEnglish(problem) : null)}");
            }
        }

        return report;
    }

    internal sealed class ImportReport
    {
        public List<string> Added { get; } = [];

        public List<string> Skipped { get; } = [];

        public List<string> Failed { get; } = [];

        public string Describe(string path)
        {
            var lines = new List<string> { $"Imported {path}: {Added.Count} added, {Skipped.Count} skipped, {Failed.Count} failed." };
            void Section(string title, List<string> items)
            {
                if (items.Count > 0)
                {
                    lines.Add(title);
                    lines.AddRange(items.Select(i => "  " + i));
                }
            }

            Section("Added:", Added);
            Section("Skipped:", Skipped);
            Section("Failed:", Failed);
            return string.Join(Environment.NewLine, lines);
        }
    }
}
