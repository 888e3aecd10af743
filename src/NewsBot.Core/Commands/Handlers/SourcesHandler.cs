namespace NewsBot.Core.Commands.Handlers;

public sealed class SourcesHandler(ISourceStore sources, TimeProvider time) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Sources;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var all = (await sources.AllAsync(cancellationToken).ConfigureAwait(false));
        if (all.Count == 0)
        {
            return Reply.Text(t.Get("sources.none"));
        }

        var now = time.GetUtcNow();
        var entries = all.Select(s => new ListEntry(s.Name, SourceHealthText.Describe(s, now, t, withError: request.IsBotAdmin))).ToList();
        var healthy = all.Count(s => s.IsHealthy);
        var reply = new Reply
        {
            Blocks =
            [
                new TextBlock(t.Get("sources.heading", ("healthy", healthy), ("total", all.Count)), TextStyle.Heading),
                new EntryListBlock(entries),
            ],
            SuppressLinkPreview = true,
        };
        return reply;
    }
}
