namespace NewsBot.Core.Commands.Handlers;

public sealed class LatestHandler(ArticleIndex index, IArticleStore articles, IOptions<NewsBotOptions> options) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Latest;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(request.Arguments, "/latest 2", out var page, out var problem))
        {
            return Reply.Problem(problem!);
        }

        var pageSize = options.Value.PageSize;
        var total = index.Count;
        if (total == 0)
        {
            return Reply.Text("There are no articles yet. The sources are being read; try again in a minute, or see /sources.");
        }

        var shown = Paging.Clamp(page, total, pageSize);
        var note = shown < page ? $"There are only {shown} pages; here is the last one." : null;
        var ids = index.Latest((shown - 1) * pageSize, pageSize);
        var list = await articles.GetManyAsync(ids.Ids, cancellationToken).ConfigureAwait(false);
        return ArticlePageReply.Build("Latest news", list, shown, ids.Total, pageSize, p => $"/latest {p}", note);
    }
}
