using System.Text.RegularExpressions;

namespace NewsBot.Core.Search;

/// <summary>
/// <c>/electri(c|fied)/i</c>: articles with a word the pattern finds, anywhere or, with
/// <c>title:</c>, in the title. A pattern is tried on one word at a time, as search reads words
/// (lower case, without accents, plurals folded), and never takes long: see <see cref="QueryPatterns"/>.
/// </summary>
public sealed class PatternNode(Regex regex, string pattern, bool titleOnly) : QueryNode
{
    /// <summary>The pattern as it was written, between the slashes.</summary>
    public string Pattern { get; } = pattern;

    public bool TitleOnly { get; } = titleOnly;

    public override int Terms => 1;

    /// <summary>Whether the pattern finds something in <paramref name="word"/>; a match that runs out of time finds nothing.</summary>
    public bool Finds(string word) => QueryPatterns.IsMatch(regex, word);

    public override bool Matches(ArticleTerms article)
    {
        ArgumentNullException.ThrowIfNull(article);
        foreach (var word in TitleOnly ? article.TitleWords : article.Words)
        {
            if (Finds(word))
            {
                return true;
            }
        }

        return false;
    }

    public override IReadOnlyList<string>? Anchors() => null;

    public override string ToString() => (TitleOnly ? "title:/" : "/") + Pattern + "/i";
}
