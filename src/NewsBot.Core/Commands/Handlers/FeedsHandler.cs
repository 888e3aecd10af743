namespace NewsBot.Core.Commands.Handlers;

/// <summary>Source management for the bot's admins: <c>/feeds add|remove|list</c>.</summary>
public sealed class FeedsHandler(ISourceStore sources, IFeedProbe probe, TimeProvider time) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Feeds;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var parts = request.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var verb = parts.Length > 0 ? parts[0].ToLowerInvariant() : string.Empty;
        return verb switch
        {
            "add" => await AddAsync(parts.Skip(1).ToList(), cancellationToken).ConfigureAwait(false),
            "remove" or "rm" or "delete" => await RemoveAsync(parts.Skip(1).ToList(), cancellationToken).ConfigureAwait(false),
            "list" or "" => await ListAsync(cancellationToken).ConfigureAwait(false),
            _ => Reply.Problem($"/feeds {Shorten(verb)} is not something I can do. Use /feeds add <url> [topics…], /feeds remove <id> or /feeds list."),
        };
    }

    private async Task<Reply> AddAsync(List<string> arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0)
        {
            return Reply.Problem("Which feed? Type /feeds add <url> [topics…], like /feeds add https://example.com/feed.xml technology. A web page's address works too if the page links to its feed.");
        }

        var url = arguments[0];
        var topics = arguments.Skip(1).Select(TopicNames.Normalize).Where(t => t.Length > 0).Distinct().ToList();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            return Reply.Problem("Give a web address that starts with http:// or https://. Feed files on this machine can only be listed in configuration (Feeds:Sources).");
        }

        var known = await sources.FindByUrlAsync(address.ToString(), cancellationToken).ConfigureAwait(false);
        if (known is not null && known.Enabled)
        {
            return Reply.Text($"That feed is already source #{known.Id}, {known.Name}. /feeds list shows every source.");
        }

        var result = await probe.ProbeAsync(address.ToString(), cancellationToken).ConfigureAwait(false);
        if (!result.IsFeed)
        {
            return Reply.Problem($"Could not add {Shorten(url)}: {result.Problem}");
        }

        var existing = await sources.FindByUrlAsync(result.FeedUrl!, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.Enabled)
        {
            return Reply.Text($"That feed is already source #{existing.Id}, {existing.Name}. /feeds list shows every source.");
        }

        var added = await sources.EnsureAsync(existing?.Name ?? result.Title ?? address.Host, result.FeedUrl!, topics, fromConfiguration: false, cancellationToken).ConfigureAwait(false);
        var found = result.DiscoveredFromPage ? $" (found through the page's link to {result.FeedUrl})" : string.Empty;
        var items = result.ItemCount == 1 ? "1 item" : $"{result.ItemCount} items";
        var topicText = topics.Count > 0 ? $" Its articles go into: {string.Join(", ", topics)}." : string.Empty;
        return Reply.Text(
            $"Added source #{added.Id}, {added.Name}{found}: {items} right now.{topicText} It is read within a minute; what it holds today is stored without being pushed to subscribers, and only later items count as new.");
    }

    private async Task<Reply> RemoveAsync(List<string> arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0 || !int.TryParse(arguments[0].TrimStart('#'), out var id))
        {
            return Reply.Problem("Which source? Type /feeds remove <id>; /feeds list shows the ids.");
        }

        var source = await sources.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return Reply.Problem($"There is no source #{id}. /feeds list shows the ids.");
        }

        if (source.FromConfiguration)
        {
            return Reply.Problem($"{source.Name} (#{id}) is listed in configuration (Feeds:Sources); remove it there and restart.");
        }

        await sources.RemoveAsync(id, cancellationToken).ConfigureAwait(false);
        return Reply.Text($"Removed source #{id}, {source.Name}. It will not be read again; its articles stay until they age out.");
    }

    private async Task<Reply> ListAsync(CancellationToken cancellationToken)
    {
        var all = (await sources.AllAsync(cancellationToken).ConfigureAwait(false));
        if (all.Count == 0)
        {
            return Reply.Text("There are no sources. Add one with /feeds add <url>.");
        }

        var now = time.GetUtcNow();
        var entries = new List<ListEntry>();
        foreach (var source in all)
        {
            var origin = source.FromConfiguration ? "configuration" : "added in chat";
            var detail = $"{SourceHealthText.Describe(source, now)} · {source.FetchUrl} · {origin}";
            if (source.Note is not null)
            {
                detail += $" · {source.Note}";
            }

            entries.Add(new ListEntry($"#{source.Id} {source.Name}", detail));
        }

        return new Reply
        {
            Blocks =
            [
                new TextBlock($"Sources ({all.Count(s => s.IsHealthy)} of {all.Count} healthy)", TextStyle.Heading),
                new EntryListBlock(entries),
                new TextBlock("/feeds add <url> [topics…] adds one; /feeds remove <id> removes one added in chat.", TextStyle.Hint),
            ],
            SuppressLinkPreview = true,
        };
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
