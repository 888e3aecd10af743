using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core;
using NewsBot.Core.Announcements;
using NewsBot.Core.Chats;
using NewsBot.Core.Delivery;
using NewsBot.Core.Replies;

namespace NewsBot.Hosting;

/// <summary>
/// Tells the admins in their private chats (a Telegram user's private chat has the user's id, a
/// Discord user's is <c>discord:dm:&lt;id&gt;</c>),
/// on every platform the bot is connected to, and always writes the notice to the log: in the
/// terminal chat, standard error is where the operator sees it.
/// </summary>
internal sealed class ChatAdminNotifier(
    IOptions<NewsBotOptions> options,
    IEnumerable<IChatSender> senders,
    ILogger<ChatAdminNotifier> logger) : IAdminNotifier
{
    public async Task NotifyAsync(string message, CancellationToken cancellationToken)
    {
        logger.LogWarning("Admin notice: {Notice}", message);
        var byPlatform = senders.ToDictionary(s => s.Platform, StringComparer.OrdinalIgnoreCase);
        foreach (var admin in options.Value.Admins)
        {
            var colon = admin.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !byPlatform.TryGetValue(admin[..colon], out var sender))
            {
                continue;
            }

            var outcome = await sender.SendAsync(PrivateChats.Of(new UserAddress(admin[..colon], admin[(colon + 1)..])), Reply.Text("Admin notice: " + message), cancellationToken).ConfigureAwait(false);
            if (outcome is not SendOutcome.Sent)
            {
                logger.LogWarning("Could not tell admin {Admin}: {Outcome}", admin, outcome);
            }
        }
    }
}
