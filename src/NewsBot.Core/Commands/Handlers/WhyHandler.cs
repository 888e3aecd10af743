using NewsBot.Core.Commands.Why;

namespace NewsBot.Core.Commands.Handlers;

/// <summary><c>/why &lt;article id&gt;</c>: why this chat did or did not receive an article.</summary>
public sealed class WhyHandler(IArticleStore articles, DeliveryExplainer explainer) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Why;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!ArticleIdArgument.TryRead(request.Arguments, Command.Name, out var id, out var problem))
        {
            return Reply.Problem(problem!);
        }

        var article = await articles.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return Reply.Problem($"There is no article #{id}, so there is nothing to explain. Articles are removed after a while; /latest shows what there is.");
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
}
