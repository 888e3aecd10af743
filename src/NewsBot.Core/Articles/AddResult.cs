namespace NewsBot.Core.Articles;

/// <param name="Added">The drafts that were stored, with their ids.</param>
/// <param name="RecognisedByLinkOrTitle">Drafts skipped because their URL or title key was known although their item key was not.</param>
/// <param name="SameLinkElsewhere">Stored articles of other sources whose link a draft repeated (syndicated copies).</param>
public sealed record AddResult(IReadOnlyList<Article> Added, int RecognisedByLinkOrTitle, IReadOnlyList<int>? SameLinkElsewhere = null);
