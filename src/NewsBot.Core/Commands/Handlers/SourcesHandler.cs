namespace NewsBot.Core.Commands.Handlers;

/// <summary>
/// Every source and its health. The bot's admins also see, when several instances share the
/// database, which instance holds which role and which one answered.
/// </summary>
public sealed class SourcesHandler(ISourceStore sources, RoleKeeper roles, TimeProvider time) : ICommandHandler
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
        List<ReplyBlock> blocks =
        [
            new TextBlock($"Sources ({healthy} of {all.Count} healthy)", TextStyle.Heading),
            new EntryListBlock(entries),
        ];
        if (request.IsBotAdmin && roles.Shared)
        {
            blocks.AddRange(await RolesAsync(cancellationToken).ConfigureAwait(false));
        }

        return new Reply { Blocks = blocks, SuppressLinkPreview = true };
    }

    private async Task<IEnumerable<ReplyBlock>> RolesAsync(CancellationToken cancellationToken)
    {
        var holders = await roles.HoldersAsync(cancellationToken).ConfigureAwait(false);
        var entries = holders
            .Select(h => new ListEntry(h.Role, h.Expired
                ? $"nobody: the lease of {h.Owner} ran out; the next instance to ask takes it"
                : $"{h.Owner}{(h.Owner == roles.InstanceId ? " (this instance)" : "")}, fencing number {h.Fence}"))
            .ToList();
        return
        [
            new TextBlock("Instances and roles", TextStyle.Heading),
            entries.Count == 0 ? new TextBlock("No role has been taken yet.") : new EntryListBlock(entries),
            new TextBlock($"Sources are read by every instance, each claiming the due ones. This answer comes from {roles.InstanceId}."),
        ];
    }
}
