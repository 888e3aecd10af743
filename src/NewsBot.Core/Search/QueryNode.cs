namespace NewsBot.Core.Search;

/// <summary>
/// One part of a query beyond plain words and phrases: a field (<c>title:</c>, <c>source:</c>,
/// <c>topic:</c>), a pattern, an <c>OR</c>, a group in parentheses or an exclusion of one of these.
/// Each part can test one article (<see cref="Matches"/>, for subscriptions) and names the keys
/// an article must have one of to match it (<see cref="Anchors"/>), so a subscription is filed
/// where only the articles that can match it look.
/// </summary>
public abstract class QueryNode
{
    /// <summary>How many terms (words, phrases, fields, patterns) it holds, for the query's limit.</summary>
    public abstract int Terms { get; }

    /// <summary>Whether it names a source, which a search resolves against the sources' names.</summary>
    public virtual bool UsesSources => false;

    public abstract bool Matches(ArticleTerms article);

    /// <summary>
    /// Keys of which every matching article has at least one: a word (as is), <c>s:</c> and the
    /// source's key, or <c>t:</c> and a topic; null when no such set is known (a pattern, an exclusion).
    /// </summary>
    public abstract IReadOnlyList<string>? Anchors();

    /// <summary>The words whose matches should rank higher: every word it asks for, none it excludes.</summary>
    public virtual IEnumerable<string> RankingWords() => [];

    /// <summary>The canonical spelling, as the query parser reads it back.</summary>
    public abstract override string ToString();

    /// <summary>The word or phrase as it is written in a query: quoted when it has several words.</summary>
    internal static string Spell(IReadOnlyList<string> tokens) =>
        tokens.Count == 1 ? tokens[0] : "\"" + string.Join(' ', tokens) + "\"";
}
