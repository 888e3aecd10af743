namespace NewsBot.Core.Articles;

/// <summary>
/// The items of a feed copy that its source listed in its last read, recognised by id or link
/// before their texts were read, so they were neither normalised nor classified again.
/// </summary>
/// <param name="Field">What identifies the copy's items, chosen over every item of the copy, known or not.</param>
/// <param name="Keys">The known items' keys.</param>
/// <param name="Links">The known items' links, so a new item repeating one is still taken as a repeat.</param>
public sealed record KnownItems(IdentityField Field, IReadOnlyList<string> Keys, IReadOnlyList<string> Links)
{
    /// <summary>
    /// Tells the known items among <paramref name="items"/> from the keys the source listed last
    /// time; null when every item is to be read: nothing listed before, more items than one read
    /// takes (the newest are chosen by date), or items told apart only by title and date.
    /// </summary>
    /// <param name="known">Set where the item at that position is known.</param>
    public static KnownItems? Recognise(FeedSource source, IReadOnlyList<ItemIdentity> items, int maxItems, out bool[] known)
    {
        known = [];
        if (source.CurrentItemKeys.Count == 0 || items.Count > maxItems)
        {
            return null;
        }

        var field = ItemKeys.ChooseField(items, preferLinks: source.Note is not null);
        if (field == IdentityField.TitleAndDate)
        {
            return null;
        }

        var listed = new HashSet<string>(source.CurrentItemKeys, StringComparer.Ordinal);
        var keys = new List<string>();
        var links = new List<string>();
        known = new bool[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (ItemKeys.ForIdentity(source.Id, items[i], field) is { } key && listed.Contains(key))
            {
                known[i] = true;
                keys.Add(key);
                if (items[i].Link is { } link)
                {
                    links.Add(link);
                }
            }
        }

        return new KnownItems(field, keys, links);
    }
}
