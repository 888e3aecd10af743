namespace NewsBot.Core.Chats;

/// <summary>
/// Where chat records are kept. It only persists: the rules for a chat's life (when it becomes
/// inactive, what moves to a supergroup) and the copy in memory belong to <see cref="ChatLifecycle"/>.
/// </summary>
public interface IChatStore
{
    ValueTask<ChatRecord?> FindAsync(ChatAddress chat, CancellationToken cancellationToken);

    /// <summary>Every stored chat, for rebuilding the copy in memory.</summary>
    IAsyncEnumerable<ChatRecord> AllAsync(CancellationToken cancellationToken);

    /// <summary>Creates the chat or replaces what is stored for it.</summary>
    ValueTask SaveAsync(ChatRecord chat, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction, so a crash cannot leave subscriptions split over two chats: saves
    /// <paramref name="changed"/> and hands every subscription of <paramref name="from"/> to
    /// <paramref name="to"/>. Returns the moved subscriptions, with their new chat.
    /// </summary>
    ValueTask<IReadOnlyList<Subscription>> MoveAsync(ChatAddress from, ChatAddress to, IReadOnlyCollection<ChatRecord> changed, CancellationToken cancellationToken);
}
