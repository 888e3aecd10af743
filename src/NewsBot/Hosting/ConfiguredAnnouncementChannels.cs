using Microsoft.Extensions.Configuration;
using NewsBot.Core.Announcements;
using NewsBot.Core.Chats;

namespace NewsBot.Hosting;

/// <summary>
/// The announcement channels of every platform, read from <c>Telegram:AnnouncementChannels</c>
/// (<c>@name</c> or <c>-100…</c>) and <c>Discord:AnnouncementChannels</c> (channel ids). Read
/// from configuration rather than each platform's options, so they are known whether or not that
/// platform's adapter is registered; the audience keeps only platforms the bot can send to.
/// </summary>
internal sealed class ConfiguredAnnouncementChannels(IConfiguration configuration) : IAnnouncementChannels
{
    private readonly Lazy<IReadOnlyList<ChatAddress>> _all = new(() =>
        Read(configuration, "Telegram:AnnouncementChannels", PlatformNames.Telegram)
            .Concat(Read(configuration, "Discord:AnnouncementChannels", PlatformNames.Discord))
            .Distinct()
            .ToList());

    public IReadOnlyList<ChatAddress> All => _all.Value;

    private static IEnumerable<ChatAddress> Read(IConfiguration configuration, string key, string platform) =>
        configuration.GetSection(key).GetChildren()
            .Select(c => c.Value?.Trim())
            .Where(v => !string.IsNullOrEmpty(v))
            .Select(v => new ChatAddress(platform, v!));
}
