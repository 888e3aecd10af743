namespace NewsBot.Storage;

/// <summary>What a checked database file holds, for the messages of backup and restore.</summary>
internal sealed record DatabaseSummary(int Articles, int Sources, int Chats, int Subscriptions, int Bookmarks)
{
    public override string ToString() =>
        $"{Articles} articles, {Sources} sources, {Chats} chats, {Subscriptions} subscriptions, {Bookmarks} bookmarks";
}
