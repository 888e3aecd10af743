namespace NewsBot.Core.Search;

/// <summary>
/// Walks one posting list forward, for a caller that visits slots in increasing order.
/// </summary>
internal struct PostingCursor(PostingList list)
{
    private int _at;

    /// <summary>The posting of <paramref name="slot"/>, or -1 when the list has none.</summary>
    public int Seek(int slot)
    {
        var items = list.Items;
        var count = list.Count;
        while (_at < count && items[_at] >> 1 < slot)
        {
            _at++;
        }

        return _at < count && items[_at] >> 1 == slot ? items[_at] : -1;
    }
}
