using System.Collections.Concurrent;

namespace NewsBot.Core.Chats;

/// <summary>
/// Records the chats and people the bot talks to. Writes at most once per chat and person
/// every few minutes, so a busy chat does not turn every command into a database write.
/// </summary>
public sealed class ChatDirectory(IChatStore chats, IUserStore users, TimeProvider time)
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWritten = new(StringComparer.Ordinal);

    public void Seen(IncomingMessage message)
    {
        var now = time.GetUtcNow();
        if (IsDue("c|" + message.Chat.Key, now))
        {
            chats.Touch(message.Chat, message.ChatKind, message.ChatTitle, now);
        }

        if (IsDue("u|" + message.User.Key, now))
        {
            users.Touch(message.User, message.UserName, now);
        }
    }

    /// <summary>Forgets the write cache for a chat so the next message writes (used after a chat changes state).</summary>
    public void Invalidate(ChatAddress chat) => _lastWritten.TryRemove("c|" + chat.Key, out _);

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
