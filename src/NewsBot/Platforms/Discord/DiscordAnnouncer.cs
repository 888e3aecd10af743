namespace NewsBot.Platforms.Discord;

/// <summary>
/// Publishes announcements further: a post in an announcement channel (type 5) is crossposted
/// to the servers that follow the channel. Announcements reach the configured channels through
/// the outbox like every other push; this only adds the publishing step, which Discord limits
/// to about ten an hour per channel, so nothing but announcements uses it.
/// </summary>
internal sealed class DiscordAnnouncer(
    DiscordRestClient rest,
    ILogger<DiscordAnnouncer> logger)
{
    private readonly ConcurrentDictionary<string, bool> _isAnnouncementChannel = new(StringComparer.Ordinal);

    /// <summary>
    /// Passes a posted message on to the followers of its channel when the channel is an
    /// announcement channel; true when it was published. Failing to publish never fails the post.
    /// </summary>
    public async Task<bool> PublishAsync(string channelId, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            return await IsAnnouncementChannelAsync(channelId, cancellationToken).ConfigureAwait(false)
                && await CrosspostAsync(channelId, messageId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordRateLimitedException or DiscordUnavailableException)
        {
            logger.LogKindUnknown(channelId, ex.Message);
            return false;
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
            logger.LogNotPublished(channelId, ex.Message);
            return false;
        }
    }
}
