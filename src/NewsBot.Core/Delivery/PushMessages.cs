namespace NewsBot.Core.Delivery;

/// <summary>What a push looks like: one article as a card, or a burst as one list.</summary>
public static class PushMessages
{
    /// <summary>From this many pending stories on, a chat gets one list instead of one message each.</summary>
    public const int GroupFrom = 4;

    /// <summary>At most this many articles are listed in a grouped push; the rest are counted.</summary>
    public const int MaxListed = 10;

    public static Reply ForArticle(Article article, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(texts);
        return new Reply
        {
            Blocks = [new ArticleCardBlock(ArticleViews.From(article))],
            Buttons = [ReplyButton.ForCommand(texts.Get("button.save"), $"/bookmark {article.Id}", ButtonKind.Toggle), ReplyButton.ForUrl(texts.Get("button.open"), article.Url)],
            Language = texts.Code,
        };
    }

    public static Reply ForBurst(IReadOnlyList<Article> articles, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(texts);
        var listed = articles.Take(MaxListed).ToList();
        var blocks = new List<ReplyBlock>
        {
            new TextBlock(texts.Count("push.heading", articles.Count), TextStyle.Heading),
            ArticleViews.ListOf(listed),
        };
        if (articles.Count > listed.Count)
        {
            blocks.Add(new TextBlock(texts.Count("push.more", articles.Count - listed.Count), TextStyle.Hint));
        }

        blocks.Add(new TextBlock(texts.Get("push.hint"), TextStyle.Hint));
        return new Reply { Blocks = blocks, SuppressLinkPreview = true, Language = texts.Code };
    }
}
