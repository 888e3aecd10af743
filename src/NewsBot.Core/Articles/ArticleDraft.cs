namespace NewsBot.Core.Articles;

/// <summary>
/// An article about to be stored: the <see cref="Article"/> as it will read, whose
/// <see cref="Article.Id"/> is 0 until the store gives it one (or finds it already known), and
/// the key that blocks a re-post.
/// </summary>
/// <param name="Article">Its <see cref="Article.Url"/> is canonical and unique across all sources; its <see cref="Article.ItemKey"/> is the item's identity within its source (see <see cref="ItemKeys"/>) and unique.</param>
/// <param name="TitleKey">Source and normalised title (with the day, when dated): blocks a re-post under a new id and link.</param>
public sealed record ArticleDraft(Article Article, string TitleKey)
{
    /// <summary>The longest link, in UTF-8 bytes, that the stores index: LiteDB refuses an index key of 1,023 bytes or more.</summary>
    public const int MaxLinkBytes = 1_000;

    /// <summary>
    /// Whether a link can be an article's <see cref="Article.Url"/>. An item whose link is longer
    /// is stored as an item without a link (its summary is still read), rather than failing its
    /// whole feed at every read.
    /// </summary>
    public static bool LinkFits(string link) => link.Length <= MaxLinkBytes / 3 || Encoding.UTF8.GetByteCount(link) <= MaxLinkBytes;
}
