using NewsBot.Core.Articles;
using NewsBot.Core.Bookmarks;
using NewsBot.Core.Replies;

namespace NewsBot.Core.Commands.Handlers;

public sealed class ReadHandler(IArticleStore articles, IBookmarkStore bookmarks) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Read;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!ArticleIdArgument.TryRead(request.Arguments, Command.Name, out var id, out var problem))
        {
            return ValueTask.FromResult(Reply.Problem(problem!));
        }

        var article = articles.Get(id);
        if (article is null)
        {
            return ValueTask.FromResult(Reply.Problem($"There is no article #{id}. It may have been removed; /latest shows what there is."));
        }

        var saved = bookmarks.Contains(request.Message.User.Key, id);
        var reply = new Reply
        {
            Blocks = [new ArticleCardBlock(ArticleViews.From(article) with { AlsoReportedBy = AlsoReportedBy(article) })],
            Buttons =
            [
                saved ? ReplyButton.ForCommand("★ Saved", $"/unbookmark {id}") : ReplyButton.ForCommand("☆ Save", $"/bookmark {id}"),
                ReplyButton.ForUrl("Open", article.Url),
            ],
        };
        return ValueTask.FromResult(reply);
    }

    private List<string> AlsoReportedBy(Article article)
    {
        var story = new List<Article>();
        if (article.StoryId != 0 && articles.Get(article.StoryId) is { } lead)
        {
            story.Add(lead);
        }

        story.AddRange(articles.StoryMembers(article.StoryLeadId));
        var names = story
            .Where(a => a.Id != article.Id && a.SourceId != article.SourceId)
            .Select(a => $"{a.SourceName} (#{a.Id})")
            .Concat(article.AlsoIn)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names;
    }
}
