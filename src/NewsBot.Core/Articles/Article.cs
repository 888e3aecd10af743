namespace NewsBot.Core.Articles;

/// <summary>A stored article. <see cref="Id"/> is the short number people type (<c>/read 42</c>).</summary>
/// <param name="IsNew">Whether it arrived as news (pushed to subscribers) rather than as a backlog item.</param>
public sealed record Article(
    int Id,
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
    bool IsNew = true)
{
    /// <summary>The first article of the same story from another source, or 0 when this article leads its story.</summary>
    public int StoryId { get; init; }

    /// <summary>Other sources that published this very link (syndication).</summary>
    public IReadOnlyList<string> AlsoIn { get; init; } = [];

    /// <summary>The id that stands for the story in lists: this article's own, or its lead's.</summary>
    public int StoryLeadId => StoryId == 0 ? Id : StoryId;
}
