namespace NewsBot.Core.Articles;

/// <summary>An article about to be stored; the store gives it an id unless it is already known.</summary>
/// <param name="Url">Canonical URL; unique across all sources.</param>
/// <param name="TitleKey">Source and normalised title (with the day, when dated): blocks a re-post under a new id and link.</param>
/// <param name="ItemKey">The item's identity within its source (see <see cref="ItemKeys"/>); unique.</param>
public sealed record ArticleDraft(
    string Url,
    string ItemKey,
    string Title,
    string Summary,
    string? Author,
    int SourceId,
    string SourceName,
    DateTimeOffset PublishedAt,
    DateTimeOffset IngestedAt,
    IReadOnlyList<string> Topics,
    string? ImageUrl,
    bool IsNew,
    string TitleKey)
{
    /// <summary>The lead of the story from another source that this article reports too, or 0; stored with the article, in the same write.</summary>
    public int StoryId { get; init; }
}
