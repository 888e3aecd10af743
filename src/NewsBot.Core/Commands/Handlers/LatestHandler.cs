namespace NewsBot.Core.Commands.Handlers;

public sealed class LatestHandler(ArticleIndex index, IArticleStore articles, IOptions<NewsBotOptions> options) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Latest;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        if (!Paging.TryRead(request.Arguments, "/latest 2", t, out var page, out var problem))
        {
            return Reply.Problem(problem!);
        }

        var pageSize = options.Value.PageSize;
        var total = index.Count;
        if (total == 0)
        {
            return Reply.Text(t.Get("latest.none"));
        }

        var shown = Paging.Clamp(page, total, pageSize);
        var ids = index.Latest((shown - 1) * pageSize, pageSize);
        var list = await articles.GetManyAsync(ids.Ids, cancellationToken).ConfigureAwait(false);
        return ArticlePageReply.Build(t.Get("latest.heading"), list, shown, ids.Total, pageSize, p => $"/latest {p}", t, Paging.PastTheEnd(page, shown, t));
    }
}
