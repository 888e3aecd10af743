using System.Security.Cryptography;

namespace NewsBot.Core.Articles;

/// <summary>
/// An item's identity within its source, hashed to 64 bits and scoped by source so two feeds
/// never collide on a shared GUID. Which field identifies items is decided per feed copy: the
/// feed's ids when every item has a distinct one, else links when those are distinct, else
/// title and date.
/// </summary>
public static class ItemKeys
{
    public static IdentityField ChooseField(IReadOnlyList<FeedEntry> entries, bool preferLinks) =>
        ChooseField(entries.Select(e => new ItemIdentity(e.Id, e.Link)).ToList(), preferLinks);

    /// <summary>The same choice made from the items' ids and links alone, before their texts are read.</summary>
    public static IdentityField ChooseField(IReadOnlyList<ItemIdentity> items, bool preferLinks)
    {
        static bool AllDistinct(IEnumerable<string?> values, int count)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            var n = 0;
            foreach (var value in values)
            {
                if (string.IsNullOrWhiteSpace(value) || !set.Add(value.Trim()))
                {
                    return false;
                }

                n++;
            }

            return n == count;
        }

        var linksDistinct = AllDistinct(items.Select(e => e.Link), items.Count);
        if (preferLinks && linksDistinct)
        {
            return IdentityField.Link;
        }

        if (AllDistinct(items.Select(e => e.Id), items.Count))
        {
            return IdentityField.Id;
        }

        return linksDistinct ? IdentityField.Link : IdentityField.TitleAndDate;
    }

    /// <summary>
    /// The key of an item identified by its id or link (<paramref name="field"/> is not
    /// <see cref="IdentityField.TitleAndDate"/>), the same <see cref="For(int, FeedEntry, IdentityField)"/>
    /// gives once the item is read; null when the item needs its title to be identified.
    /// </summary>
    public static string? ForIdentity(int sourceId, ItemIdentity item, IdentityField field) => field switch
    {
        IdentityField.Id when !string.IsNullOrWhiteSpace(item.Id) => Key(sourceId, "id:" + item.Id.Trim()),
        IdentityField.Id or IdentityField.Link when item.Link is not null => Key(sourceId, "link:" + item.Link),
        _ => null,
    };

    public static string For(int sourceId, FeedEntry entry, IdentityField field = IdentityField.Id)
    {
        var identity = field switch
        {
            IdentityField.Id when !string.IsNullOrWhiteSpace(entry.Id) => "id:" + entry.Id.Trim(),
            IdentityField.Id or IdentityField.Link when entry.Link is not null => "link:" + entry.Link,
            _ => "title:" + entry.Title.Trim() + "|" + entry.Published?.UtcDateTime.ToString("O"),
        };
        return Key(sourceId, identity);
    }

    private static string Key(int sourceId, string identity) => $"{sourceId}:{Hash(identity)}";

    /// <summary>The source and the folded title, with the day when the item is dated.</summary>
    public static string TitleKey(int sourceId, string title, DateTimeOffset? published) =>
        $"{sourceId}:{Hash(string.Join(' ', TextTokenizer.Tokenize(title)) + "|" + published?.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}";

    /// <summary>The URL stored for an item without a link, so the unique URL index still holds.</summary>
    public static string FallbackUrl(string itemKey) => "urn:newsbot:item:" + itemKey;

    private static string Hash(string value)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), digest);
        return Convert.ToHexStringLower(digest[..8]);
    }
}
