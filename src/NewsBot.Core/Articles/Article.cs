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
    bool IsNew = true);
