namespace NewsBot.Core.Changes;

/// <summary>What another instance may have changed in the database, by kind.</summary>
public enum ChangeKind
{
    /// <summary>Articles stored (<see cref="StoreChange.Ids"/> are article ids).</summary>
    ArticlesAdded,

    /// <summary>Articles deleted by retention (<see cref="StoreChange.Ids"/> are article ids).</summary>
    ArticlesRemoved,

    /// <summary>Subscriptions added, removed or moved (<see cref="StoreChange.Ids"/> are subscription ids, <see cref="StoreChange.Keys"/> their chats).</summary>
    Subscriptions,

    /// <summary>Chats created or changed (<see cref="StoreChange.Keys"/> are chat keys).</summary>
    Chats,
}

/// <summary>One entry of the database's change feed.</summary>
/// <param name="Number">Its place in the feed: numbers grow in the order the changes were committed.</param>
public sealed record StoreChange(long Number, ChangeKind Kind, IReadOnlyList<int> Ids, IReadOnlyList<string> Keys);
