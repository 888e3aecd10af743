using System.Security.Cryptography;
using System.Text;

namespace NewsBot.Core.Articles;

/// <summary>
/// An item's identity within its source: the feed's id, else its link, else title and date,
/// hashed to 64 bits and scoped by source so two feeds never collide on a shared GUID.
/// </summary>
public static class ItemKeys
{
    public static string For(int sourceId, FeedEntry entry)
    {
        var identity = !string.IsNullOrWhiteSpace(entry.Id) ? "id:" + entry.Id.Trim()
            : entry.Link is not null ? "link:" + entry.Link
            : "title:" + entry.Title.Trim() + "|" + entry.Published?.UtcDateTime.ToString("O");
        return $"{sourceId}:{Hash(identity)}";
    }

    /// <summary>The URL stored for an item without a link, so the unique URL index still holds.</summary>
    public static string FallbackUrl(string itemKey) => "urn:newsbot:item:" + itemKey;

    private static string Hash(string value)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), digest);
        return Convert.ToHexStringLower(digest[..8]);
    }
}
