using NewsBot.Core.Commands.Why;

namespace NewsBot.Core.Commands.Handlers;

/// <summary><c>/why &lt;article id&gt;</c>: why this chat did or did not receive an article.</summary>
public sealed class WhyHandler(IArticleStore articles, DeliveryExplainer explainer) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Why;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var named = await NamedArticle.FindAsync(request, Command.Name, articles, NotFound, cancellationToken).ConfigureAwait(false);
        if (named is not { Article: { } article, Id: var id })
        {
            return named.Problem!;
        }

        return new Reply
        {
            Blocks =
            [
                new TextBlock($"#{article.Id} {article.Title}", TextStyle.Heading),
                new TextBlock(await explainer.ExplainAsync(request.Message.Chat, article, cancellationToken).ConfigureAwait(false)),
                new TextBlock("/subscriptions lists what this chat follows; /read " + id + " shows the article.", TextStyle.Hint),
            ],
            SuppressLinkPreview = true,
        };
    }

    private static string NotFound(int id) =>
        $"There is no article #{id}, so there is nothing to explain. Articles are removed after a while; /latest shows what there is.";
}
