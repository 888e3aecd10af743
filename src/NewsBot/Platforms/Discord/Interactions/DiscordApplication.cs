namespace NewsBot.Platforms.Discord.Interactions;

/// <summary>The application's id: from <c>Discord:ApplicationId</c>, else learned from READY.</summary>
internal sealed class DiscordApplication(IOptions<DiscordOptions> options)
{
    private string? _learned;

    public string? Id => Volatile.Read(ref _learned) ?? (string.IsNullOrWhiteSpace(options.Value.ApplicationId) ? null : options.Value.ApplicationId.Trim());

    public void Learn(string id) => Volatile.Write(ref _learned, id);
}
