namespace NewsBot.Core.Ingest;

/// <summary>What one feed copy added.</summary>
/// <param name="Added">The newly stored articles (only those with <see cref="Article.IsNew"/> are pushed).</param>
/// <param name="ItemKeys">The keys of every item in the copy, new or known.</param>
/// <param name="RecognisedByLinkOrTitle">Items whose id was new but whose link or title was already stored: a sign of unstable ids.</param>
public sealed record IngestResult(IReadOnlyList<Article> Added, IReadOnlyList<string> ItemKeys, int RecognisedByLinkOrTitle);
