using NewsBot.Core.Articles;
using NewsBot.Core.Bookmarks;
using NewsBot.Core.Replies;

namespace NewsBot.Core.Commands.Handlers;

public sealed class BookmarkHandler(IArticleStore articles, IBookmarkStore bookmarks, TimeProvider time) : ICommandHandler
{
    /// <summary>Enough for any reader; stops one account from filling the database.</summary>
    public const int MaxBookmarksPerUser = 1000;

    public CommandInfo Command => CommandCatalog.Bookmark;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!ArticleIdArgument.TryRead(request.Arguments, Command.Name, out var id, out var problem))
        {
            return ValueTask.FromResult(Reply.Problem(problem!));
        }

        var user = request.Message.User.Key;
        var article = articles.Get(id);
        if (article is null)
        {
            return ValueTask.FromResult(Reply.Problem($"There is no article #{id} to save. /latest shows the articles and their numbers."));
        }

        // Pressed under a card, the answer is the card itself, now showing "Saved".
        var toggled = request.Message.PressedKind == ButtonKind.Toggle;
        if (bookmarks.Contains(user, id))
        {
            return ValueTask.FromResult(toggled
                ? ArticleCard.For(article, saved: true, articles) with { Toast = "Saved", IsPersonal = true }
                : Saved($"Already in your bookmarks: {article.Title}", id, personal: true));
        }

        if (bookmarks.Count(user) >= MaxBookmarksPerUser)
        {
            return ValueTask.FromResult(Reply.Problem($"You have {MaxBookmarksPerUser} bookmarks, the most I keep. Remove some with /unbookmark <number> first."));
        }

        bookmarks.Add(new Bookmark(user, id, time.GetUtcNow(), article.Title, article.Url, article.SourceName));
        return ValueTask.FromResult(toggled
            ? ArticleCard.For(article, saved: true, articles) with { Toast = "Saved", IsPersonal = true }
            : Saved($"Saved: {article.Title}", id, personal: true));
    }

    private static Reply Saved(string text, int id, bool personal) => new()
    {
        Blocks = [new TextBlock(text), new TextBlock("See them all with /bookmarks.", TextStyle.Hint)],
        Buttons = [ReplyButton.ForCommand("Undo", $"/unbookmark {id}"), ReplyButton.ForCommand("My bookmarks", "/bookmarks")],
        IsPersonal = personal,
    };
}
