using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Delivery;
using NewsBot.Core.Replies;
using NewsBot.Platforms.Discord.Rest;

namespace NewsBot.Platforms.Discord;

/// <summary>How posting an announcement to one configured channel went.</summary>
internal sealed record DiscordAnnouncementResult(string ChannelId, SendOutcome Outcome, bool Crossposted);

/// <summary>
/// Posts announcements to <c>Discord:AnnouncementChannels</c>. In an announcement channel
/// (type 5) the message is also published (crossposted) to the servers that follow it. Each
/// message carries a nonce made from the announcement and the channel, so a retry after a
/// timeout cannot post it twice.
/// </summary>
internal sealed class DiscordAnnouncer(
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordAnnouncer> logger)
{
    private readonly ConcurrentDictionary<string, bool> _isAnnouncementChannel = new(StringComparer.Ordinal);

    /// <param name="announcementKey">Identifies the announcement (e.g. its id) for the nonce.</param>
    public async Task<IReadOnlyList<DiscordAnnouncementResult>> PostAsync(Reply reply, string announcementKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var results = new List<DiscordAnnouncementResult>();
        var messages = DiscordRenderer.Render(reply, time.GetUtcNow());
        foreach (var channelId in options.Value.AnnouncementChannels.Select(c => c.Trim()).Where(DiscordChats.IsSnowflake).Distinct(StringComparer.Ordinal))
        {
            results.Add(await PostToAsync(channelId, messages, announcementKey, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<DiscordAnnouncementResult> PostToAsync(string channelId, IReadOnlyList<DiscordMessage> messages, string announcementKey, CancellationToken cancellationToken)
    {
        var crossposted = true;
        try
        {
            var publish = await IsAnnouncementChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < messages.Count; i++)
            {
                var message = messages[i] with { Nonce = DiscordNonce.For("announcement", announcementKey, channelId, i.ToString(CultureInfo.InvariantCulture)), EnforceNonce = true };
                var messageId = await rest.CreateMessageAsync(channelId, message, patient: true, cancellationToken).ConfigureAwait(false);
                crossposted &= publish && await CrosspostAsync(channelId, messageId, cancellationToken).ConfigureAwait(false);
            }

            return new DiscordAnnouncementResult(channelId, new SendOutcome.Sent(), crossposted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var outcome = DiscordErrors.Classify(ex);
            logger.LogWarning("Announcement to Discord channel {Channel} did not go through: {Outcome}", channelId, outcome);
            return new DiscordAnnouncementResult(channelId, outcome, Crossposted: false);
        }
    }

    private async Task<bool> IsAnnouncementChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        if (_isAnnouncementChannel.TryGetValue(channelId, out var known))
        {
            return known;
        }

        var channel = await rest.GetChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
        _isAnnouncementChannel[channelId] = channel.IsAnnouncement;
        return channel.IsAnnouncement;
    }

    /// <summary>Publishing is a bonus: the message is posted either way (Discord allows about ten publishes an hour per channel).</summary>
    private async Task<bool> CrosspostAsync(string channelId, string messageId, CancellationToken cancellationToken)
    {
        if (messageId.Length == 0)
        {
            return false;
        }

        try
        {
            await rest.CrosspostAsync(channelId, messageId, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordRateLimitedException or DiscordUnavailableException { IsTransient: true })
        {
            logger.LogWarning("Announcement posted in Discord channel {Channel} but not published to followers: {Reason}", channelId, ex.Message);
            return false;
        }
    }
}
