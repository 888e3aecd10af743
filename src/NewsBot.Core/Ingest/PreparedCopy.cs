namespace NewsBot.Core.Ingest;

/// <summary>A feed copy made ready to store by <see cref="ArticleIngestor.Prepare"/>: its new items as drafts, without their stories yet.</summary>
/// <param name="Drafts">The items not listed before, each once.</param>
/// <param name="Words">Each draft's words, for finding its story.</param>
/// <param name="ItemKeys">The keys of every item in the copy, new or known.</param>
public sealed record PreparedCopy(FeedSource Source, IReadOnlyList<ArticleDraft> Drafts, IReadOnlyList<StoryWords> Words, IReadOnlyList<string> ItemKeys);
