namespace NewsBot.Core.Chats;

/// <summary>
/// Records the chats and people the bot talks to. Writes at most once per chat and person
/// every few minutes, so a busy chat does not turn every command into a database write; a chat
/// that is unknown or inactive is written at once, which makes it active again.
/// </summary>
public sealed class ChatDirectory(ChatLifecycle chats, IUserStore users, TimeProvider time)
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWritten = new(StringComparer.Ordinal);

    public async Task SeenAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (IsDue("c|" + message.Chat.Key, now) || chats.Find(message.Chat) is not { Active: true })
        {
            await chats.ReactivateAsync(message.Chat, message.ChatKind, message.ChatTitle, cancellationToken).ConfigureAwait(false);
        }

        if (IsDue("u|" + message.User.Key, now))
        {
            await users.TouchAsync(message.User, message.UserName, now, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool IsDue(string key, DateTimeOffset now)
    {
        if (_lastWritten.TryGetValue(key, out var last) && now - last < RefreshEvery)
        {
            return false;
        }

        _lastWritten[key] = now;
        return true;
    }
}
