namespace NewsBot.Storage.Postgres;

/// <summary>Finds digest entries by the dedup key's prefix (<c>chat|digest:subscription:</c>) among the chat's entries.</summary>
internal sealed class PostgresDigestDeliveries(PostgresDatabase database) : IDigestDeliveries
{
    public OutboxEntry? FindDigest(string chatKey, int subscriptionId, int storyId)
    {
        var prefix = OutboxKeys.ChatPrefix(chatKey) + "digest:" + subscriptionId.ToString(CultureInfo.InvariantCulture) + ":";
        return database.Query(
            $"SELECT {PostgresOutboxStore.Columns} FROM outbox WHERE chat_key = $1 AND starts_with(dedup_key, $2) AND $3 = ANY(story_ids) ORDER BY id DESC LIMIT 1",
            PostgresOutboxStore.ToEntry,
            chatKey,
            prefix,
            storyId) is [var entry] ? entry : null;
    }
}
