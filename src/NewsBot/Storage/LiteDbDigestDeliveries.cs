using System.Globalization;
using LiteDB;
using NewsBot.Core.Delivery;
using NewsBot.Core.Digests;

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
        if (document is null)
        {
            return null;
        }

        var (storyIds, articleIds) = StoryPairs.Unpack(document.Stories);
        return new OutboxEntry(
            document.Id,
            document.ChatKey,
            OutboxKind.Digest,
            document.DedupKey,
            storyIds,
            articleIds,
            document.Reference,
            Enum.TryParse<OutboxState>(document.State, out var state) ? state : OutboxState.Pending,
            document.Attempts,
            Dates.FromStored(document.NextAttemptAt),
            document.LastError,
            Dates.FromStored(document.CreatedAt),
            Dates.FromStored(document.SentAt));
    }
}
