namespace NewsBot.Core.Search;

/// <summary>
/// What the index knows of an article besides its time and story, which sit in arrays of their
/// own (see <see cref="ArticleSlots"/>) because the search loop reads only those.
/// </summary>
/// <param name="Tokens">Where its tokens lie in the pool: title, separator, summary.</param>
/// <param name="DistinctTokens">How many postings it has (one per distinct token).</param>
internal readonly record struct ArticleInfo(int Id, TokenRange Tokens, int TitleLength, int DistinctTokens, int SourceId, string[] Topics);
