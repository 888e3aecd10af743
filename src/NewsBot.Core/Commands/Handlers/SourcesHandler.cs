using NewsBot.Core.Articles;
using NewsBot.Core.Replies;

namespace NewsBot.Core.Commands.Handlers;

public sealed class SourcesHandler(ISourceStore sources, TimeProvider time) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Sources;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var all = sources.All();
        if (all.Count == 0)
        {
            return ValueTask.FromResult(Reply.Text("No sources are configured. An admin adds them under Feeds:Sources in appsettings.json."));
        }

        var now = time.GetUtcNow();
        var entries = all.Select(s => new ListEntry(s.Name, Health(s, now))).ToList();
        var healthy = all.Count(s => s.IsHealthy);
        var reply = new Reply
        {
            Blocks =
            [
                new TextBlock($"Sources ({healthy} of {all.Count} healthy)", TextStyle.Heading),
                new EntryListBlock(entries),
            ],
            SuppressLinkPreview = true,
        };
        return ValueTask.FromResult(reply);
    }

    private static string Health(FeedSource source, DateTimeOffset now)
    {
        var items = source.ItemCount == 1 ? "1 article" : $"{source.ItemCount} articles";
        if (!source.Enabled)
        {
            return $"{items} · disabled" + (source.LastError is null ? string.Empty : $": {source.LastError}");
        }

        if (source.LastAttemptAt is null)
        {
            return $"{items} · not read yet";
        }

        if (source.LastError is not null)
        {
            var lastGood = source.LastSuccessAt is { } ok ? $"last read {RelativeTime.Format(ok, now)}" : "never read";
            var failures = source.ConsecutiveFailures == 1 ? "1 failure" : $"{source.ConsecutiveFailures} failures in a row";
            return $"{items} · failing: {source.LastError} ({failures}; {lastGood})";
        }

        var next = source.NextPollAt is { } at && at > now ? $", next check {RelativeTime.Until(at, now)}" : string.Empty;
        return $"{items} · ok, read {RelativeTime.Format(source.LastSuccessAt ?? source.LastAttemptAt.Value, now)}{next}";
    }
}
