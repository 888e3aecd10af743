using NewsBot.Core.Commands.Why;

namespace NewsBot.Core.Commands.Handlers;

/// <summary><c>/why &lt;article id&gt;</c>: why this chat did or did not receive an article.</summary>
public sealed class WhyHandler(IArticleStore articles, DeliveryExplainer explainer) : ArticleCommandHandler(articles, "why.notFound")
{
    public override CommandInfo Command => CommandCatalog.Why;

    protected override async ValueTask<Reply> HandleAsync(CommandRequest request, Article article, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        return new Reply
        {
            Blocks =
            [
                new TextBlock($"#{article.Id} {Bidi.Isolate(article.Title)}", TextStyle.Heading),
                new TextBlock(await explainer.ExplainAsync(request.Message.Chat, article, t, cancellationToken).ConfigureAwait(false)),
                new TextBlock(t.Get("why.hint", ("id", article.Id)), TextStyle.Hint),
            ],
            SuppressLinkPreview = true,
        };
    }
}
