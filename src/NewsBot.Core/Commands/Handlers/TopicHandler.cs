namespace NewsBot.Core.Commands.Handlers;

public sealed class TopicHandler(ArticleIndex index, IArticleStore articles, IOptions<NewsBotOptions> options) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Topic;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var (name, pageText) = SplitTrailingNumber(request.Arguments.Trim());
        if (name.Length == 0)
        {
            var known = index.Topics();
            var examples = known.Count > 0 ? $" Topics: {string.Join(", ", known.Select(t => t.Topic))}." : string.Empty;
            return Reply.Problem($"Which topic? Type /topic <name>, like /topic technology.{examples}");
        }

        if (!Paging.TryRead(pageText, $"/topic {name} 2", out var page, out var problem))
        {
            return Reply.Problem(problem!);
        }

        var topic = TopicNames.Normalize(name);
        var pageSize = options.Value.PageSize;
        var first = index.LatestInTopic(topic, 0, 0);
        if (first.Total == 0)
        {
            return UnknownTopic(name);
        }

        var shown = Paging.Clamp(page, first.Total, pageSize);
        var note = shown < page ? $"There are only {shown} pages; here is the last one." : null;
        var ids = index.LatestInTopic(topic, (shown - 1) * pageSize, pageSize);
        var list = await articles.GetManyAsync(ids.Ids, cancellationToken).ConfigureAwait(false);
        var heading = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(topic);
        return ArticlePageReply.Build(heading, list, shown, ids.Total, pageSize, p => $"/topic {topic} {p}", note);
    }

    private Reply UnknownTopic(string name)
    {
        var topics = index.Topics().Select(t => t.Topic).ToList();
        var shortName = name.Length <= 40 ? name : name[..40] + "…";
        if (topics.Count == 0)
        {
            return Reply.Problem($"There is no topic '{shortName}' yet. Try /latest or /search {shortName}.");
        }

        var suggestion = Suggestions.Closest(name, topics);
        var hint = suggestion is not null ? $"Did you mean /topic {suggestion}? " : string.Empty;
        return Reply.Problem($"There is no topic '{shortName}'. {hint}Topics: {string.Join(", ", topics)}. To look for words instead, use /search {shortName}.");
    }

    private static (string Name, string Page) SplitTrailingNumber(string text)
    {
        var lastSpace = text.LastIndexOf(' ');
        if (lastSpace > 0)
        {
            var tail = text[(lastSpace + 1)..];
            if (tail.Length > 0 && (char.IsAsciiDigit(tail[0]) || (tail[0] == '-' && tail.Length > 1 && char.IsAsciiDigit(tail[1]))))
            {
                return (text[..lastSpace].Trim(), tail);
            }
        }

        return (text, string.Empty);
    }
}
