namespace NewsBot.Core.Search;

/// <summary><c>source:"Daily Circuit"</c>: articles of the source with that name (case, accents and punctuation aside).</summary>
public sealed class SourceNode(string key) : QueryNode
{
    /// <summary>The name as <see cref="SourceNameKey"/> reads it.</summary>
    public string Key { get; } = key;

    public override int Terms => 1;

    public override bool UsesSources => true;

    public override bool Matches(ArticleTerms article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return string.Equals(article.SourceKey, Key, StringComparison.Ordinal);
    }

    public override IReadOnlyList<string> Anchors() => ["s:" + Key];

    public override string ToString() => "source:" + Spell(Key.Split(' '));
}
