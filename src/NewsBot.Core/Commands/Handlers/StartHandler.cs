namespace NewsBot.Core.Commands.Handlers;

public sealed class StartHandler(ArticleIndex index, ISourceStore sources) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Start;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var sourceCount = (await sources.AllAsync(cancellationToken).ConfigureAwait(false)).Count(s => s.Enabled);
        var welcome = request.Message.UserName.Length > 0 ? t.Get("start.welcomeName", ("name", request.Message.UserName)) : t.Get("start.welcome");
        var reply = new Reply
        {
            Blocks =
            [
                new TextBlock(welcome, TextStyle.Heading),
                new TextBlock(t.Get("start.intro", ("sources", t.Count("count.newsSources", sourceCount)), ("articles", t.Count("count.articles", index.Count)))),
                new EntryListBlock(
                [
                    new ListEntry("/latest", t.Get("start.latest")),
                    new ListEntry("/topics", t.Get("start.topics")),
                    new ListEntry(t.Get("start.searchUsage"), t.Get("start.search")),
                    new ListEntry(t.Get("start.readUsage"), t.Get("start.read")),
                    new ListEntry(t.Get("start.bookmarkUsage"), t.Get("start.bookmark")),
                    new ListEntry(t.Get("start.subscribeUsage"), t.Get("start.subscribe")),
                    new ListEntry(t.Get("start.languageUsage"), t.Get("start.language")),
                ]),
                new TextBlock(t.Get("start.help"), TextStyle.Hint),
            ],
            Buttons = [ReplyButton.ForCommand(t.Get("button.latestNews"), "/latest"), ReplyButton.ForCommand(t.Get("button.topics"), "/topics")],
        };
        return reply;
    }
}
