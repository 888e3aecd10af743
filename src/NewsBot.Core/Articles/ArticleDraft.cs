namespace NewsBot.Core.Articles;

/// <summary>
/// An article about to be stored: the <see cref="Article"/> as it will read, whose
/// <see cref="Article.Id"/> is 0 until the store gives it one (or finds it already known), and
/// the key that blocks a re-post.
/// </summary>
/// <param name="Article">Its <see cref="Article.Url"/> is canonical and unique across all sources; its <see cref="Article.ItemKey"/> is the item's identity within its source (see <see cref="ItemKeys"/>) and unique.</param>
/// <param name="TitleKey">Source and normalised title (with the day, when dated): blocks a re-post under a new id and link.</param>
public sealed record ArticleDraft(Article Article, string TitleKey);
