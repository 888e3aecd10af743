namespace NewsBot.Core.Delivery;

/// <summary>What a push looks like: one article as a card, or a burst as one list.</summary>
public static class PushMessages
{
    /// <summary>From this many pending stories on, a chat gets one list instead of one message each.</summary>
    public const int GroupFrom = 4;

    /// <summary>At most this many articles are listed in a grouped push; the rest are counted.</summary>
    public const int MaxListed = 10;

    public static Reply ForArticle(Article article) => new()
    {
        Blocks = [new ArticleCardBlock(ArticleViews.From(article))],
        Buttons = [ReplyButton.ForCommand("☆ Save", $"/bookmark {article.Id}", ButtonKind.Toggle), ReplyButton.ForUrl("Open", article.Url)],
    };

    public static Reply ForBurst(IReadOnlyList<Article> articles)
    {
        var listed = articles.Take(MaxListed).ToList();
        var blocks = new List<ReplyBlock>
        {
            new TextBlock($"{articles.Count} new articles for your subscriptions", TextStyle.Heading),
            new ArticleListBlock(listed.Select(a => new ArticleListItem(ArticleViews.From(a))).ToList()),
        };
        if (articles.Count > listed.Count)
        {
            blocks.Add(new TextBlock($"…and {articles.Count - listed.Count} more: /latest", TextStyle.Hint));
        }

        blocks.Add(new TextBlock("Read one with /read <number>; /subscriptions lists what this chat follows.", TextStyle.Hint));
        return new Reply { Blocks = blocks, SuppressLinkPreview = true };
    }
}
