namespace NewsBot.Core.Commands.Handlers;

public sealed class TopicsHandler(ArticleIndex index) : ICommandHandler
{
    private const int MaxButtons = 8;

    public CommandInfo Command => CommandCatalog.Topics;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var topics = index.Topics();
        if (topics.Count == 0)
        {
            return ValueTask.FromResult(Reply.Text("No articles have a topic yet. Try /latest, or come back once the sources have been read."));
        }

        var reply = new Reply
        {
            Blocks =
            [
                new TextBlock("Topics", TextStyle.Heading),
                new EntryListBlock(topics.Select(t => new ListEntry(t.Topic, t.Count == 1 ? "1 article" : $"{t.Count} articles")).ToList()),
                new TextBlock($"Open one with /topic <name>, like /topic {topics[0].Topic}.", TextStyle.Hint),
            ],
            Buttons = topics.Take(MaxButtons)
                .Select(t => ReplyButton.TryForCommand(t.Topic, $"/topic {t.Topic}"))
                .OfType<ReplyButton>()
                .ToList(),
        };
        return ValueTask.FromResult(reply);
    }
}
