namespace NewsBot.Core.Commands.Handlers;

public sealed class TopicHandler(ArticleIndex index, IArticleStore articles, IOptions<NewsBotOptions> options) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Topic;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var (name, pageText) = SplitTrailingNumber(request.Arguments.Trim());
        if (name.Length == 0)
        {
            var known = index.Topics();
            return Reply.Problem(known.Count > 0
                ? t.Get("topic.missingList", ("topics", t.List(known.Select(c => c.Topic))))
                : t.Get("topic.missing"));
        }

        if (!Paging.TryRead(pageText, $"/topic {name} 2", t, out var page, out var problem))
        {
            return Reply.Problem(problem!);
        }

        var topic = KeyOf(name);
        var pageSize = options.Value.PageSize;
        var first = index.LatestInTopic(topic, 0, 0);
        if (first.Total == 0)
        {
            return UnknownTopic(name, t);
        }

        var shown = Paging.Clamp(page, first.Total, pageSize);
        var ids = index.LatestInTopic(topic, (shown - 1) * pageSize, pageSize);
        var list = await articles.GetManyAsync(ids.Ids, cancellationToken).ConfigureAwait(false);
        var heading = t.Culture.TextInfo.ToTitleCase(t.Topic(topic));
        return ArticlePageReply.Build(heading, ArticleViews.ListOf(list), shown, ids.Total, pageSize, p => $"/topic {topic} {p}", t, Paging.PastTheEnd(page, shown, t));
    }

    /// <summary>The topic's key, also when it was typed as its name in some language (<c>Technik</c>).</summary>
    private string KeyOf(string name)
    {
        var key = TopicNames.Normalize(name);
        return index.LatestInTopic(key, 0, 0).Total == 0 && LanguageCatalog.Default.TopicKeyFor(name) is { } named ? named : key;
    }

    private Reply UnknownTopic(string name, Texts t)
    {
        var topics = index.Topics().Select(c => c.Topic).ToList();
        var shortName = Quoted.Shorten(name, 40);
        if (topics.Count == 0)
        {
            return Reply.Problem(t.Get("topic.unknownNone", ("name", shortName)));
        }

        var list = t.List(topics);
        return Suggestions.Closest(name, topics) is { } suggestion
            ? Reply.Problem(t.Get("topic.unknownSuggest", ("name", shortName), ("suggestion", suggestion), ("topics", list)))
            : Reply.Problem(t.Get("topic.unknown", ("name", shortName), ("topics", list)));
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
