namespace NewsBot.Core.Replies;

/// <summary>What a reply shows of an article.</summary>
public sealed record ArticleView(
    int Id,
    string Title,
    string SourceName,
    DateTimeOffset PublishedAt,
    string Url,
    string Summary,
    string? ImageUrl,
    IReadOnlyList<string> Topics)
{
    /// <summary>Other sources carrying the same story, e.g. "Greenline Weekly (#38)".</summary>
    public IReadOnlyList<string> AlsoReportedBy { get; init; } = [];
}
