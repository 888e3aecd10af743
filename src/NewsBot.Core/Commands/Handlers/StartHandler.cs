namespace NewsBot.Core.Commands.Handlers;

public sealed class StartHandler(ArticleIndex index, ISourceStore sources) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Start;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var sourceCount = (await sources.AllAsync(cancellationToken).ConfigureAwait(false)).Count(s => s.Enabled);
        var name = request.Message.UserName.Length > 0 ? $", {request.Message.UserName}" : string.Empty;
        var reply = new Reply
        {
            Blocks =
            [
                new TextBlock($"Welcome to NewsBot{name}!", TextStyle.Heading),
                new TextBlock($"I read {Plural(sourceCount, "news source")} and keep {Plural(index.Count, "article")} ready for you. Here is what you can ask:"),
                new EntryListBlock(
                [
                    new ListEntry("/latest", "the newest articles"),
                    new ListEntry("/topics", "browse by topic, then /topic <name>"),
                    new ListEntry("/search <words>", "find articles; \"phrases\" and -exclusions work"),
                    new ListEntry("/read <number>", "one article in full"),
                    new ListEntry("/bookmark <number>", "save it for later; /bookmarks lists them"),
                    new ListEntry("/subscribe <topic or words>", "get new articles here as they arrive"),
                ]),
                new TextBlock("/help lists every command.", TextStyle.Hint),
            ],
            Buttons = [ReplyButton.ForCommand("Latest news", "/latest"), ReplyButton.ForCommand("Topics", "/topics")],
        };
        return reply;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
