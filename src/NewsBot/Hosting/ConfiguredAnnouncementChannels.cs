namespace NewsBot.Hosting;

/// <summary>
/// The announcement channels of every platform: <c>Telegram:AnnouncementChannels</c>
/// (<c>@name</c> or <c>-100…</c>) and <c>Discord:AnnouncementChannels</c> (channel ids), from
/// the bound options. Both sections are bound whether or not that platform has a token; the
/// audience keeps only platforms the bot can send to.
/// </summary>
internal sealed class ConfiguredAnnouncementChannels(IOptions<TelegramOptions> telegram, IOptions<DiscordOptions> discord) : IAnnouncementChannels
{
    private readonly Lazy<IReadOnlyList<ChatAddress>> _all = new(() =>
        Read(telegram.Value.AnnouncementChannels, PlatformNames.Telegram)
            .Concat(Read(discord.Value.AnnouncementChannels, PlatformNames.Discord))
            .Distinct()
            .ToList());

    public IReadOnlyList<ChatAddress> All => _all.Value;

    private static IEnumerable<ChatAddress> Read(IEnumerable<string> channels, string platform) =>
        channels
            .Select(c => c?.Trim())
            .Where(c => !string.IsNullOrEmpty(c))
            .Select(c => new ChatAddress(platform, c!));
}
