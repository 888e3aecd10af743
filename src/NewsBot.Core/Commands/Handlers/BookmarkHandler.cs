namespace NewsBot.Core.Commands.Handlers;

public sealed class BookmarkHandler(IArticleStore articles, IBookmarkStore bookmarks, TimeProvider time) : ICommandHandler
{
    /// <summary>Enough for any reader; stops one account from filling the database.</summary>
    public const int MaxBookmarksPerUser = 1000;

    public CommandInfo Command => CommandCatalog.Bookmark;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var named = await NamedArticle.FindAsync(request, Command.Name, articles, NotFound, cancellationToken).ConfigureAwait(false);
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
                ? (await ArticleCard.ForAsync(article, saved: true, articles, cancellationToken).ConfigureAwait(false)) with { Toast = "Saved", IsPersonal = true }
                : Saved($"Already in your bookmarks: {article.Title}", id, personal: true);
        }

        if (await bookmarks.CountAsync(user, cancellationToken).ConfigureAwait(false) >= MaxBookmarksPerUser)
        {
            return Reply.Problem($"You have {MaxBookmarksPerUser} bookmarks, the most I keep. Remove some with /unbookmark <number> first.");
        }

        await bookmarks.AddAsync(new Bookmark(user, id, time.GetUtcNow(), article.Title, article.Url, article.SourceName), cancellationToken).ConfigureAwait(false);
        return toggled
            ? (await ArticleCard.ForAsync(article, saved: true, articles, cancellationToken).ConfigureAwait(false)) with { Toast = "Saved", IsPersonal = true }
            : Saved($"Saved: {article.Title}", id, personal: true);
    }

    private static Reply Saved(string text, int id, bool personal) => new()
    {
        Blocks = [new TextBlock(text), new TextBlock("See them all with /bookmarks.", TextStyle.Hint)],
        Buttons = [ReplyButton.ForCommand("Undo", $"/unbookmark {id}"), ReplyButton.ForCommand("My bookmarks", "/bookmarks")],
        IsPersonal = personal,
    };

    private static string NotFound(int id) =>
        $"There is no article #{id} to save. /latest shows the articles and their numbers.";
}
