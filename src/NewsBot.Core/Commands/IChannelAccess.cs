namespace NewsBot.Core.Commands;

/// <summary>
/// A platform's answer to "may this person manage that channel from their private chat, and
/// may the bot post there?", behind <c>/subscribe @channel …</c>. Asked at every use and never
/// remembered, so rights taken away count at once.
/// </summary>
public interface IChannelAccess
{
    /// <summary>The platform of the private chats it answers for (<see cref="PlatformNames"/>).</summary>
    string Platform { get; }

    /// <summary>Whether the word names a channel on this platform (Telegram: <c>@name</c> or <c>-100…</c>).</summary>
    bool Names(string word);

    /// <param name="person">Who asks.</param>
    /// <param name="channel">The word that named the channel.</param>
    /// <param name="toPost">The command adds or changes what is posted there, so the bot must be able to post.</param>
    /// <returns>The verdict; never throws except on cancellation.</returns>
    Task<ChannelCheck> CheckAsync(UserAddress person, string channel, bool toPost, CancellationToken cancellationToken);
}
