namespace NewsBot.Storage;

/// <summary>
/// Which drafts a store looks up by item key and title key: all but those of the sources with
/// nothing stored, whose keys (kept per source) cannot be stored yet and are looked up by link only.
/// </summary>
internal static class KeyedDrafts
{
    public static IReadOnlyCollection<ArticleDraft> Of(IReadOnlyCollection<ArticleDraft> drafts, IReadOnlySet<int>? newSources) =>
        newSources is { Count: > 0 } ? drafts.Where(d => !newSources.Contains(d.Article.SourceId)).ToList() : drafts;
}
