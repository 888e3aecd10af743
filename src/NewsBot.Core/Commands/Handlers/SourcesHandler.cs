namespace NewsBot.Core.Commands.Handlers;

public sealed class SourcesHandler(ISourceStore sources, TimeProvider time) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Sources;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var all = (await sources.AllAsync(cancellationToken).ConfigureAwait(false));
        if (all.Count == 0)
        {
            return Reply.Text("No sources are configured. An admin adds them under Feeds:Sources in appsettings.json.");
        }

        var now = time.GetUtcNow();
        var entries = all.Select(s => new ListEntry(s.Name, SourceHealthText.Describe(s, now, withError: request.IsBotAdmin))).ToList();
        var healthy = all.Count(s => s.IsHealthy);
        var reply = new Reply
        {
            Blocks =
            [
                new TextBlock($"Sources ({healthy} of {all.Count} healthy)", TextStyle.Heading),
                new EntryListBlock(entries),
            ],
            SuppressLinkPreview = true,
        };
        return reply;
    }
}
