using NewsBot.Core.Bookmarks;
using NewsBot.Core.State;

namespace NewsBot.Tests.Storage.Contract;

/// <summary>Every store port of one database, as one provider implements them, one instance each as the host registers them.</summary>
internal abstract class StoreSet : IAsyncDisposable
{
    public IArticleStore Articles { get; protected set; } = null!;

    public ISourceStore Sources { get; protected set; } = null!;

    public IArticleTextStore ArticleTexts { get; protected set; } = null!;

    public IBookmarkStore Bookmarks { get; protected set; } = null!;

    public ISubscriptionStore Subscriptions { get; protected set; } = null!;

    public IChatStore Chats { get; protected set; } = null!;

    public IUserStore Users { get; protected set; } = null!;

    public IStateStore State { get; protected set; } = null!;

    public IOutboxStore Outbox { get; protected set; } = null!;

    public IAnnouncementStore Announcements { get; protected set; } = null!;

    public IDigestCursorStore DigestCursors { get; protected set; } = null!;

    public IArticleHistory History { get; protected set; } = null!;

    public IDigestDeliveries DigestDeliveries { get; protected set; } = null!;

    public IOutboxFigures OutboxFigures { get; protected set; } = null!;

    public ISourceFigures SourceFigures { get; protected set; } = null!;

    /// <summary>The people recorded, read from the database itself: nothing in the bot reads them back.</summary>
    public abstract Task<int> CountUsersAsync();

    /// <summary>Closes the database and opens it again, as a restart does; the ports above are new objects afterwards.</summary>
    public abstract Task ReopenAsync();

    public abstract ValueTask DisposeAsync();
}
