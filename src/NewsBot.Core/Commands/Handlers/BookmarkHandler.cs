namespace NewsBot.Core.Commands.Handlers;

public sealed class BookmarkHandler(IArticleStore articles, IBookmarkStore bookmarks, FullTexts fullTexts, TimeProvider time) : ArticleCommandHandler(articles, "bookmark.notFound")
{
    /// <summary>Enough for any reader; stops one account from filling the database.</summary>
    public const int MaxBookmarksPerUser = 1000;

    public override CommandInfo Command => CommandCatalog.Bookmark;

    protected override async ValueTask<Reply> HandleAsync(CommandRequest request, Article article, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var user = request.Message.User.Key;

        // Pressed under a card, the answer is the card itself, now showing "Saved".
        var toggled = request.Message.PressedKind == ButtonKind.Toggle;
        if (await bookmarks.ContainsAsync(user, article.Id, cancellationToken).ConfigureAwait(false))
        {
            return toggled
                ? (await ArticleCard.ForAsync(article, saved: true, Articles, t, cancellationToken, await fullTexts.StoredAsync(article.Id, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false)) with { Toast = t.Get("bookmark.toast"), IsPersonal = true }
                : Saved(t.Get("bookmark.already", ("title", article.Title)), article.Id, t);
        }

        if (await bookmarks.CountAsync(user, cancellationToken).ConfigureAwait(false) >= MaxBookmarksPerUser)
        {
            return Reply.Problem(t.Count("bookmark.full", MaxBookmarksPerUser));
        }

        await bookmarks.AddAsync(new Bookmark(user, article.Id, time.GetUtcNow(), article.Title, article.Url, article.SourceName), cancellationToken).ConfigureAwait(false);
        return toggled
            ? (await ArticleCard.ForAsync(article, saved: true, Articles, t, cancellationToken, await fullTexts.StoredAsync(article.Id, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false)) with { Toast = t.Get("bookmark.toast"), IsPersonal = true }
            : Saved(t.Get("bookmark.saved", ("title", article.Title)), article.Id, t);
    }

    private static Reply Saved(string text, int id, Texts t) => new()
    {
        Blocks = [new TextBlock(text), new TextBlock(t.Get("bookmark.seeAll"), TextStyle.Hint)],
        Buttons = [ReplyButton.ForCommand(t.Get("button.undo"), $"/unbookmark {id}"), ReplyButton.ForCommand(t.Get("button.myBookmarks"), "/bookmarks")],
        IsPersonal = true,
    };
}
