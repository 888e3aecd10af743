namespace NewsBot.Core.Search;

/// <summary>A word or a phrase (several words in this order), anywhere or, with <c>title:</c>, in the title.</summary>
public sealed class TermNode(IReadOnlyList<string> tokens, bool isPhrase, bool titleOnly) : QueryNode
{
    public IReadOnlyList<string> Tokens { get; } = tokens;

    /// <summary>Quoted or of several words: the words must stand together in this order.</summary>
    public bool IsPhrase { get; } = isPhrase;

    public bool TitleOnly { get; } = titleOnly;

    public override int Terms => 1;

    public override bool Matches(ArticleTerms article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (!IsPhrase)
        {
            return (TitleOnly ? article.TitleWords : article.Words).Contains(Tokens[0]);
        }

        return article.ContainsPhrase(Tokens, TitleOnly);
    }

    public override IReadOnlyList<string> Anchors() => [Tokens.MaxBy(t => t.Length)!];

    public override IEnumerable<string> RankingWords() => Tokens;

    public override string ToString()
    {
        var spelled = IsPhrase ? "\"" + string.Join(' ', Tokens) + "\"" : Tokens[0];
        return TitleOnly ? "title:" + spelled : spelled;
    }
}
