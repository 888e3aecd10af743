namespace NewsBot.Core.Delivery;

/// <summary>
/// When each paused chat (<see cref="ChatPause"/>) is tried next: after as long as it has been
/// paused, within <see cref="FirstTry"/> and <see cref="LongestWait"/>, so a chat that stays
/// closed costs fewer and fewer attempts. Held in memory: a restart costs one early try.
/// </summary>
public sealed class PausedChats
{
    public static readonly TimeSpan FirstTry = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(6);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);

    /// <summary>Whether the chat's next try is still ahead, and when it is.</summary>
    public bool IsWaiting(string chatKey, DateTimeOffset now, out DateTimeOffset until) =>
        _until.TryGetValue(chatKey, out until) && until > now;

    /// <summary>Puts the chat's next try off, by as long as it has been paused (since <paramref name="since"/>); returns when.</summary>
    public DateTimeOffset PutOff(string chatKey, DateTimeOffset since, DateTimeOffset now)
    {
        var wait = now - since;
        wait = wait < FirstTry ? FirstTry : wait > LongestWait ? LongestWait : wait;
        _until[chatKey] = now + wait;
        return now + wait;
    }

    /// <summary>The chat took a message: no try to wait for any more. True when one was waiting.</summary>
    public bool Forget(string chatKey) => _until.TryRemove(chatKey, out _);
}
