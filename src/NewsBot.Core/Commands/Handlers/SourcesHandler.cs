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
        var t = request.Texts;
        var all = (await sources.AllAsync(cancellationToken).ConfigureAwait(false));
        if (all.Count == 0)
        {
            return Reply.Text(t.Get("sources.none"));
        }

        var now = time.GetUtcNow();
        var entries = all.Select(s => new ListEntry(s.Name, SourceHealthText.Describe(s, now, t, withError: request.IsBotAdmin))).ToList();
        var healthy = all.Count(s => s.IsHealthy);
        List<ReplyBlock> blocks =
        [
            new TextBlock(t.Get("sources.heading", ("healthy", healthy), ("total", all.Count)), TextStyle.Heading),
            new EntryListBlock(entries),
        ];
        if (request.IsBotAdmin && roles.Shared)
        {
            blocks.AddRange(await RolesAsync(t, cancellationToken).ConfigureAwait(false));
        }

        return new Reply { Blocks = blocks, SuppressLinkPreview = true };
    }

    private async Task<IEnumerable<ReplyBlock>> RolesAsync(Texts t, CancellationToken cancellationToken)
    {
        var holders = await roles.HoldersAsync(cancellationToken).ConfigureAwait(false);
        var entries = holders
            .Select(h => new ListEntry(h.Role, h.Expired
                ? t.Get("sources.roles.expired", ("owner", h.Owner))
                : t.Get(h.Owner == roles.InstanceId ? "sources.roles.heldHere" : "sources.roles.held", ("owner", h.Owner), ("fence", h.Fence))))
            .ToList();
        return
        [
            new TextBlock(t.Get("sources.roles.heading"), TextStyle.Heading),
            entries.Count == 0 ? new TextBlock(t.Get("sources.roles.none")) : new EntryListBlock(entries),
            new TextBlock(t.Get("sources.roles.footer", ("instance", roles.InstanceId))),
        ];
    }
}
