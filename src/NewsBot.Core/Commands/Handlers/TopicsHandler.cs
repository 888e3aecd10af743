namespace NewsBot.Core.Commands.Handlers;

public sealed class TopicsHandler(ArticleIndex index) : ICommandHandler
{
    private const int MaxButtons = 8;

    public CommandInfo Command => CommandCatalog.Topics;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var topics = index.Topics();
        if (topics.Count == 0)
        {
            return ValueTask.FromResult(Reply.Text(t.Get("topics.none")));
        }

        // People read the topic's name in their language; commands carry the key, which works everywhere.
        var reply = new Reply
        {
            Blocks =
            [
                new TextBlock(t.Get("topics.heading"), TextStyle.Heading),
                new EntryListBlock(topics.Select(c => new ListEntry(t.Topic(c.Topic), t.Count("count.articles", c.Count))).ToList()),
                new TextBlock(t.Get("topics.hint", ("topic", topics[0].Topic)), TextStyle.Hint),
            ],
            Buttons = topics.Take(MaxButtons)
                .Select(c => ReplyButton.TryForCommand(t.Topic(c.Topic), $"/topic {c.Topic}"))
                .OfType<ReplyButton>()
                .ToList(),
        };
        return ValueTask.FromResult(reply);
    }
}
