using NewsBot.Core.Commands.Why;

namespace NewsBot.Core.Commands.Handlers;

/// <summary><c>/why &lt;article id&gt;</c>: why this chat did or did not receive an article.</summary>
public sealed class WhyHandler(IArticleStore articles, DeliveryExplainer explainer) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Why;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var named = await NamedArticle.FindAsync(request, Command.Name, articles, "why.notFound", cancellationToken).ConfigureAwait(false);
        if (named is not { Article: { } article, Id: var id })
        {
            return named.Problem!;
        }

        return new Reply
        {
            Blocks =
            [
                new TextBlock($"#{article.Id} {Bidi.Isolate(article.Title)}", TextStyle.Heading),
                new TextBlock(await explainer.ExplainAsync(request.Message.Chat, article, t, cancellationToken).ConfigureAwait(false)),
                new TextBlock(t.Get("why.hint", ("id", id)), TextStyle.Hint),
            ],
            SuppressLinkPreview = true,
        };
    }
}
