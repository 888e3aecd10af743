namespace NewsBot.Core.Commands.Handlers;

public sealed class BookmarkHandler(IArticleStore articles, IBookmarkStore bookmarks, FullTexts fullTexts, TimeProvider time) : ICommandHandler
{
    /// <summary>Enough for any reader; stops one account from filling the database.</summary>
    public const int MaxBookmarksPerUser = 1000;

    public CommandInfo Command => CommandCatalog.Bookmark;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var named = await NamedArticle.FindAsync(request, Command.Name, articles, "bookmark.notFound", cancellationToken).ConfigureAwait(false);
        if (named is not { Article: { } article, Id: var id })
        {
            return named.Problem!;
        }

        var user = request.Message.User.Key;

        // Pressed under a card, the answer is the card itself, now showing "Saved".
        var toggled = request.Message.PressedKind == ButtonKind.Toggle;
        if (await bookmarks.ContainsAsync(user, id, cancellationToken).ConfigureAwait(false))
        {
            return toggled
                ? (await ArticleCard.ForAsync(article, saved: true, articles, t, cancellationToken, await fullTexts.StoredAsync(id, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false)) with { Toast = t.Get("bookmark.toast"), IsPersonal = true }
                : Saved(t.Get("bookmark.already", ("title", article.Title)), id, t);
        }

        if (await bookmarks.CountAsync(user, cancellationToken).ConfigureAwait(false) >= MaxBookmarksPerUser)
        {
            return Reply.Problem(t.Count("bookmark.full", MaxBookmarksPerUser));
        }

        await bookmarks.AddAsync(new Bookmark(user, id, time.GetUtcNow(), article.Title, article.Url, article.SourceName), cancellationToken).ConfigureAwait(false);
        return toggled
            ? (await ArticleCard.ForAsync(article, saved: true, articles, t, cancellationToken, await fullTexts.StoredAsync(id, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false)) with { Toast = t.Get("bookmark.toast"), IsPersonal = true }
            : Saved(t.Get("bookmark.saved", ("title", article.Title)), id, t);
    }

    private static Reply Saved(string text, int id, Texts t) => new()
    {
        Blocks = [new TextBlock(text), new TextBlock(t.Get("bookmark.seeAll"), TextStyle.Hint)],
        Buttons = [ReplyButton.ForCommand(t.Get("button.undo"), $"/unbookmark {id}"), ReplyButton.ForCommand(t.Get("button.myBookmarks"), "/bookmarks")],
        IsPersonal = true,
    };
}
