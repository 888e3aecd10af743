namespace NewsBot.Core.Commands.Handlers;

/// <summary>Source management for the bot's admins: <c>/feeds add|remove|list|set|pause|resume</c>.</summary>
public sealed class FeedsHandler(ISourceStore sources, IFeedProbe probe, FeedSettings settings, TimeProvider time) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Feeds;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var parts = request.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var verb = parts.Length > 0 ? parts[0].ToLowerInvariant() : string.Empty;
        return verb switch
        {
            "add" => await AddAsync(parts.Skip(1).ToList(), t, cancellationToken).ConfigureAwait(false),
            "remove" or "rm" or "delete" => await RemoveAsync(parts.Skip(1).ToList(), t, cancellationToken).ConfigureAwait(false),
            "list" or "" => await ListAsync(t, cancellationToken).ConfigureAwait(false),
            "set" => await settings.SetAsync(parts.Skip(1).ToList(), t, cancellationToken).ConfigureAwait(false),
            "pause" => await settings.PauseAsync(parts.Skip(1).ToList(), pause: true, t, cancellationToken).ConfigureAwait(false),
            "resume" => await settings.PauseAsync(parts.Skip(1).ToList(), pause: false, t, cancellationToken).ConfigureAwait(false),
            _ => Reply.Problem(t.Get("feeds.unknownVerb", ("verb", Shorten(verb)))),
        };
    }

    private async Task<Reply> AddAsync(List<string> arguments, Texts t, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0)
        {
            return Reply.Problem(t.Get("feeds.addMissing"));
        }

        var url = arguments[0];
        var topics = arguments.Skip(1).Select(TopicNames.Normalize).Where(t => t.Length > 0).Distinct().ToList();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            return Reply.Problem(t.Get("feeds.notHttp"));
        }

        var known = await sources.FindByUrlAsync(address.ToString(), cancellationToken).ConfigureAwait(false);
        if (known is not null && known.Enabled)
        {
            return Reply.Text(t.Get("feeds.already", ("id", known.Id), ("name", known.Name)));
        }

        var result = await probe.ProbeAsync(address.ToString(), cancellationToken).ConfigureAwait(false);
        if (!result.IsFeed)
        {
            return Reply.Problem(t.Get("feeds.couldNotAdd", ("url", Shorten(url)), ("problem", result.Problem is { } problem ? StoredText.Render(problem, t) : null)));
        }

        var existing = await sources.FindByUrlAsync(result.FeedUrl!, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.Enabled)
        {
            return Reply.Text(t.Get("feeds.already", ("id", existing.Id), ("name", existing.Name)));
        }

        var added = await sources.EnsureAsync(existing?.Name ?? result.Title ?? address.Host, result.FeedUrl!, topics, fromConfiguration: false, cancellationToken).ConfigureAwait(false);
        var items = t.Count("count.items", result.ItemCount);
        var sentences = new List<string>
        {
            result.DiscoveredFromPage
                ? t.Get("feeds.addedFound", ("id", added.Id), ("name", added.Name), ("url", result.FeedUrl), ("items", items))
                : t.Get("feeds.added", ("id", added.Id), ("name", added.Name), ("items", items)),
        };
        if (topics.Count > 0)
        {
            sentences.Add(t.Get("feeds.addedTopics", ("topics", t.List(topics))));
        }

        sentences.Add(t.Get("feeds.addedAfter"));
        return Reply.Text(string.Join(t.Get("format.sentenceSeparator"), sentences));
    }

    private async Task<Reply> RemoveAsync(List<string> arguments, Texts t, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0 || !int.TryParse(arguments[0].TrimStart('#'), out var id))
        {
            return Reply.Problem(t.Get("feeds.removeMissing"));
        }

        var source = await sources.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return Reply.Problem(t.Get("feeds.noSource", ("id", id)));
        }

        if (source.FromConfiguration)
        {
            return Reply.Problem(t.Get("feeds.configured", ("name", source.Name), ("id", id)));
        }

        await sources.RemoveAsync(id, cancellationToken).ConfigureAwait(false);
        return Reply.Text(t.Get("feeds.removed", ("id", id), ("name", source.Name)));
    }

    private async Task<Reply> ListAsync(Texts t, CancellationToken cancellationToken)
    {
        var all = (await sources.AllAsync(cancellationToken).ConfigureAwait(false));
        if (all.Count == 0)
        {
            return Reply.Text(t.Get("feeds.none"));
        }

        var now = time.GetUtcNow();
        var entries = new List<ListEntry>();
        foreach (var source in all)
        {
            var origin = t.Get(source.FromConfiguration ? "feeds.fromConfiguration" : "feeds.fromChat");
            var detail = $"{SourceHealthText.Describe(source, now, t)} · {source.FetchUrl} · {origin}";
            if (source.Note is not null)
            {
                detail += " · " + StoredText.Render(source.Note, t);
            }

            if (source.PollInterval is { } interval)
            {
                detail += " · " + t.Get("feeds.everyInterval", ("interval", PollIntervalText.Describe(interval, t)));
            }

            if (source.FullText == FullTextMode.Never)
            {
                detail += " · " + t.Get("feeds.fullTextOff");
            }

            entries.Add(new ListEntry($"#{source.Id} {source.Name}", detail));
        }

        return new Reply
        {
            Blocks =
            [
                new TextBlock(t.Get("sources.heading", ("healthy", all.Count(s => s.IsHealthy)), ("total", all.Count)), TextStyle.Heading),
                new EntryListBlock(entries),
                new TextBlock(t.Get("feeds.hint"), TextStyle.Hint),
            ],
            SuppressLinkPreview = true,
        };
    }

    private static string Shorten(string value) => Quoted.Shorten(value, 60);
}
