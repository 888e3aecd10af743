namespace NewsBot.Feeds;

/// <summary>
/// The source a copy is read for: the items it listed in its last read are recognised by id or
/// link as soon as they are read, and are not normalised again (see <see cref="KnownItems"/>).
/// </summary>
internal sealed class ItemSkipping(FeedSource source, int maxItems)
{
    /// <summary>The known items among <paramref name="items"/>, or null when every item is to be normalised.</summary>
    /// <param name="known">Set where the item at that position is known.</param>
    public KnownItems? Recognise<T>(IReadOnlyList<T> items, Func<T, ItemIdentity> identify, out bool[] known)
    {
        known = [];
        if (source.CurrentItemKeys.Count == 0 || items.Count > maxItems)
        {
            return null;
        }

        var identities = new ItemIdentity[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            identities[i] = identify(items[i]);
        }

        return KnownItems.Recognise(source, identities, maxItems, out known);
    }

    /// <summary>Whether the item at <paramref name="index"/> was recognised as known.</summary>
    public static bool IsKnown(bool[] known, int index) => index < known.Length && known[index];
}
