namespace NewsBot.Core.Commands.Handlers;

/// <summary>
/// <c>/feeds set &lt;id&gt; name|topics|interval|fulltext &lt;value&gt;</c>, <c>/feeds pause &lt;id&gt;</c> and
/// <c>/feeds resume &lt;id&gt;</c>: what admins change about a source added in chat. Sources listed
/// in configuration are changed there, and say so.
/// </summary>
public sealed class FeedSettings(ISourceStore sources, PollIntervalLimits limits, TimeProvider time)
{
    public const int MaxNameLength = 100;
    public const int MaxTopics = 20;

    public async Task<Reply> SetAsync(IReadOnlyList<string> arguments, Texts t, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(t);
        if (arguments.Count < 2)
        {
            return Reply.Problem(t.Get("feeds.setMissing"));
        }

        var found = await FindAsync(arguments[0], "feeds.setMissing", t, cancellationToken).ConfigureAwait(false);
        if (found.Source is not { } source)
        {
            return found.Problem!;
        }

        var field = arguments[1].ToLowerInvariant();
        var values = arguments.Skip(2).ToList();
        var value = string.Join(' ', values);
        return field switch
        {
            "name" => await RenameAsync(source, value, t, cancellationToken).ConfigureAwait(false),
            "topics" or "topic" => await SetTopicsAsync(source, values, t, cancellationToken).ConfigureAwait(false),
            "interval" => await SetIntervalAsync(source, value, t, cancellationToken).ConfigureAwait(false),
            "fulltext" => await SetFullTextAsync(source, value, t, cancellationToken).ConfigureAwait(false),
            _ => Reply.Problem(t.Get("feeds.setUnknownField", ("field", Shorten(arguments[1])))),
        };
    }

    public async Task<Reply> PauseAsync(IReadOnlyList<string> arguments, bool pause, Texts t, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(t);
        var found = await FindAsync(arguments.Count > 0 ? arguments[0] : "", "feeds.pauseMissing", t, cancellationToken).ConfigureAwait(false);
        if (found.Source is not { } source)
        {
            return found.Problem!;
        }

        if (source.Paused == pause)
        {
            return Reply.Text(t.Get(pause ? "feeds.alreadyPaused" : "feeds.notPaused", ("id", source.Id), ("name", source.Name)));
        }

        // Resumed, it is due at once rather than at whatever slot it had when paused.
        var changed = source with { Paused = pause, NextPollAt = pause ? source.NextPollAt : time.GetUtcNow() };
        return await SaveAsync(changed, t.Get(pause ? "feeds.paused" : "feeds.resumed", ("id", source.Id), ("name", source.Name)), t, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reply> RenameAsync(FeedSource source, string value, Texts t, CancellationToken cancellationToken)
    {
        var name = DisguisingCharacters.Strip(value).Trim();
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            return Reply.Problem(t.Get("feeds.badName", ("max", MaxNameLength)));
        }

        return await SaveAsync(source with { Name = name }, t.Get("feeds.setName", ("id", source.Id), ("name", name)), t, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reply> SetTopicsAsync(FeedSource source, List<string> values, Texts t, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return Reply.Problem(t.Get("feeds.badTopics", ("id", source.Id), ("max", MaxTopics)));
        }

        var none = values is [var only] && (only.Equals("none", StringComparison.OrdinalIgnoreCase) || only == "-");
        var topics = none ? [] : values.Select(TopicNames.Normalize).Where(topic => topic.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (!none && (topics.Count == 0 || topics.Count > MaxTopics))
        {
            return Reply.Problem(t.Get("feeds.badTopics", ("id", source.Id), ("max", MaxTopics)));
        }

        var done = topics.Count == 0
            ? t.Get("feeds.setNoTopics", ("id", source.Id), ("name", source.Name))
            : t.Get("feeds.setTopics", ("id", source.Id), ("name", source.Name), ("topics", t.List(topics.Select(t.Topic))));
        return await SaveAsync(source with { Topics = topics }, done + t.Get("format.sentenceSeparator") + t.Get("feeds.setTopicsLater"), t, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reply> SetIntervalAsync(FeedSource source, string value, Texts t, CancellationToken cancellationToken)
    {
        if (value.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            return await SaveAsync(
                source with { PollInterval = null },
                t.Get("feeds.setIntervalDefault", ("id", source.Id), ("name", source.Name), ("interval", PollIntervalText.Describe(limits.Default, t))),
                t,
                cancellationToken).ConfigureAwait(false);
        }

        if (!PollIntervalText.TryParse(value, out var interval) || interval < limits.Shortest || interval > limits.Longest)
        {
            return Reply.Problem(t.Get(
                "feeds.badInterval",
                ("value", Shorten(value)),
                ("min", PollIntervalText.Describe(limits.Shortest, t)),
                ("max", PollIntervalText.Describe(limits.Longest, t))));
        }

        // A shorter interval takes effect now, not after the wait the longer one had planned.
        var soonest = time.GetUtcNow() + interval;
        var next = source.NextPollAt is { } planned && planned > soonest ? soonest : source.NextPollAt;
        return await SaveAsync(
            source with { PollInterval = interval, NextPollAt = next },
            t.Get("feeds.setInterval", ("id", source.Id), ("name", source.Name), ("interval", PollIntervalText.Describe(interval, t))),
            t,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reply> SetFullTextAsync(FeedSource source, string value, Texts t, CancellationToken cancellationToken)
    {
        FullTextMode? mode = value.ToLowerInvariant() switch
        {
            "on" or "auto" => FullTextMode.Auto,
            "off" or "never" => FullTextMode.Never,
            _ => null,
        };
        if (mode is not { } chosen)
        {
            return Reply.Problem(t.Get("feeds.badFullText", ("id", source.Id)));
        }

        var done = t.Get(chosen == FullTextMode.Never ? "feeds.setFullTextOff" : "feeds.setFullTextOn", ("id", source.Id), ("name", source.Name));
        return await SaveAsync(source with { FullText = chosen }, done, t, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reply> SaveAsync(FeedSource changed, string done, Texts t, CancellationToken cancellationToken) =>
        await sources.UpdateSettingsAsync(changed, cancellationToken).ConfigureAwait(false)
            ? Reply.Text(done)
            : Reply.Problem(t.Get("feeds.noSource", ("id", changed.Id)));

    private async Task<(FeedSource? Source, Reply? Problem)> FindAsync(string idText, string missingKey, Texts t, CancellationToken cancellationToken)
    {
        if (!int.TryParse(idText.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (null, Reply.Problem(t.Get(missingKey)));
        }

        var source = await sources.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return (null, Reply.Problem(t.Get("feeds.noSource", ("id", id))));
        }

        return source.FromConfiguration
            ? (null, Reply.Problem(t.Get("feeds.readOnly", ("name", source.Name), ("id", id))))
            : (source, null);
    }

    private static string Shorten(string value) => Quoted.Shorten(value, 40);
}
