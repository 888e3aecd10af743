namespace NewsBot.Core.Commands.Handlers;

public sealed class LatestHandler(ArticleIndex index, IArticleStore articles, IOptions<NewsBotOptions> options) : PageCommandHandler
{
    public override CommandInfo Command => CommandCatalog.Latest;

    protected override async ValueTask<Reply> HandleAsync(CommandRequest request, int page, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var pageSize = options.Value.PageSize;
        var total = index.Count;
        if (total == 0)
        {
            return Reply.Text(t.Get("latest.none"));
        }

        var shown = Paging.Clamp(page, total, pageSize);
        var ids = index.Latest((shown - 1) * pageSize, pageSize);
        var list = await articles.GetManyAsync(ids.Ids, cancellationToken).ConfigureAwait(false);
        return ArticlePageReply.Build(t.Get("latest.heading"), ArticleViews.ListOf(list), shown, ids.Total, pageSize, PageCommand, t, Paging.PastTheEnd(page, shown, t));
    }
}
