using LiteDB;

namespace NewsBot.Storage;

/// <summary>Reads digest entries through the dedup key's prefix (<c>chat|digest:subscription:</c>), which the outbox indexes.</summary>
internal sealed class LiteDbDigestDeliveries(NewsBotDatabase database) : IDigestDeliveries
{
    public OutboxEntry? FindDigest(string chatKey, int subscriptionId, int storyId)
    {
        var prefix = OutboxKeys.ChatPrefix(chatKey) + "digest:" + subscriptionId.ToString(CultureInfo.InvariantCulture) + ":";
        var document = database.Outbox.Find(Query.StartsWith(nameof(OutboxDocument.DedupKey), prefix))
            .Where(d => StoryPairs.Contains(d.Stories, storyId))
            .MaxBy(d => d.Id);
        return document is null ? null : LiteDbOutboxStore.ToEntry(document);
    }
}
