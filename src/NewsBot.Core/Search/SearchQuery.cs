namespace NewsBot.Core.Search;

/// <summary>
/// A parsed query, the same language for /search and /subscribe: plain words, <c>"quoted
/// phrases"</c> (must appear as written), <c>-word</c> or <c>-"phrase"</c> exclusions, and the
/// sharper parts in <see cref="Filters"/>: <c>title:</c>, <c>source:</c>, <c>topic:</c>, <c>OR</c>,
/// groups in parentheses and <c>/patterns/</c> (see <see cref="QueryParser"/>). A search ranks
/// by the plain words, of which any may match; a subscription, a promise rather than a ranking,
/// needs all of them. Everything else must hold for both.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 300;
    public const int MaxTerms = 12;

    private SearchQuery(
        IReadOnlyList<string> words,
        IReadOnlyList<IReadOnlyList<string>> phrases,
        IReadOnlyList<string> excludedWords,
        IReadOnlyList<IReadOnlyList<string>> excludedPhrases,
        IReadOnlyList<QueryNode> filters)
    {
        Words = words;
        Phrases = phrases;
        ExcludedWords = excludedWords;
        ExcludedPhrases = excludedPhrases;
        Filters = filters;
    }

    public IReadOnlyList<string> Words { get; }

    public IReadOnlyList<IReadOnlyList<string>> Phrases { get; }

    public IReadOnlyList<string> ExcludedWords { get; }

    public IReadOnlyList<IReadOnlyList<string>> ExcludedPhrases { get; }

    /// <summary>The parts beyond words, phrases and their exclusions; each must match.</summary>
    public IReadOnlyList<QueryNode> Filters { get; }

    /// <summary>True when nothing positive is asked for (only exclusions, or only punctuation).</summary>
    public bool IsEmpty => Words.Count == 0 && Phrases.Count == 0 && !Filters.Any(f => f is not NotNode);

    public int TermCount => Words.Count + Phrases.Count + ExcludedWords.Count + ExcludedPhrases.Count + Filters.Sum(f => f.Terms);

    /// <summary>Whether a part names a source: a search then needs the sources' names.</summary>
    public bool UsesSources => Filters.Any(f => f.UsesSources);

    /// <summary>
    /// Reads a query as typed: the query, or null and the mistake, with where it is. Only this
    /// reading reports mistakes; <see cref="Parse"/> is for queries stored before.
    /// </summary>
    public static SearchQuery? TryParse(string text, out QueryError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            error = null;
            return FromParts(QueryParser.Parse(text));
        }
        catch (QueryException ex)
        {
            error = ex.Error;
            return null;
        }
    }

    /// <summary>
    /// Reads a stored query (or any text) without refusing it: what the strict reading refuses
    /// is read as before the sharper language existed, where unbalanced quotes close at the end
    /// of the text and every other sign is punctuation, so a subscription made then keeps its
    /// meaning.
    /// </summary>
    public static SearchQuery Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out _) ?? FromParts(PlainQuery.Parse(text));
    }

    /// <summary>The articles filed under a topic, as a topic subscription follows them.</summary>
    public static SearchQuery ForTopic(string topic) => FromParts([new TopicNode(TopicNames.Normalize(topic))]);

    /// <summary>The same query with its plain words required too, as a subscription reads it.</summary>
    public SearchQuery Strict()
    {
        if (Words.Count == 0)
        {
            return this;
        }

        var filters = Words.Select(w => (QueryNode)new TermNode([w], isPhrase: false, titleOnly: false)).Concat(Filters).ToList();
        return new SearchQuery([], Phrases, ExcludedWords, ExcludedPhrases, filters);
    }

    /// <summary>The whole query as one part, read strictly (every plain word required).</summary>
    public QueryNode AsNode()
    {
        var parts = new List<QueryNode>();
        parts.AddRange(Words.Select(w => new TermNode([w], isPhrase: false, titleOnly: false)));
        parts.AddRange(Phrases.Select(p => new TermNode(p, isPhrase: true, titleOnly: false)));
        parts.AddRange(Filters);
        parts.AddRange(ExcludedWords.Select(w => new NotNode(new TermNode([w], isPhrase: false, titleOnly: false))));
        parts.AddRange(ExcludedPhrases.Select(p => new NotNode(new TermNode(p, isPhrase: true, titleOnly: false))));
        return new AllNode(parts);
    }

    /// <summary>Whether the article has every word and phrase, none of the exclusions, and matches every filter.</summary>
    public bool Matches(ArticleTerms article)
    {
        ArgumentNullException.ThrowIfNull(article);
        foreach (var word in Words)
        {
            if (!article.Words.Contains(word))
            {
                return false;
            }
        }

        foreach (var phrase in Phrases)
        {
            if (!article.ContainsPhrase(phrase, titleOnly: false))
            {
                return false;
            }
        }

        foreach (var word in ExcludedWords)
        {
            if (article.Words.Contains(word))
            {
                return false;
            }
        }

        foreach (var phrase in ExcludedPhrases)
        {
            if (article.ContainsPhrase(phrase, titleOnly: false))
            {
                return false;
            }
        }

        foreach (var filter in Filters)
        {
            if (!filter.Matches(article))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Keys of which every article this query matches (read strictly) has at least one, as
    /// <see cref="QueryNode.Anchors"/> has them; null when there are none to file it under.
    /// The longest word of the words and phrases when there are any, as it always was.
    /// </summary>
    public IReadOnlyList<string>? Anchors()
    {
        var longest = Words.Concat(Phrases.SelectMany(p => p)).MaxBy(t => t.Length);
        return longest is not null ? [longest] : Anchoring.Best(Filters.Select(f => f.Anchors()));
    }

    /// <summary>A canonical spelling: the same query typed differently reads the same.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        parts.AddRange(Words);
        parts.AddRange(Phrases.Select(p => "\"" + string.Join(' ', p) + "\""));
        var alone = Filters.Count == 1 && Words.Count + Phrases.Count + ExcludedWords.Count + ExcludedPhrases.Count == 0;
        parts.AddRange(Filters.Select(f => f is AnyNode && !alone ? "(" + f + ")" : f.ToString()));
        parts.AddRange(ExcludedWords.Select(w => "-" + w));
        parts.AddRange(ExcludedPhrases.Select(p => "-\"" + string.Join(' ', p) + "\""));
        return string.Join(' ', parts);
    }

    /// <summary>Sorts the top level's parts: plain words, phrases and their exclusions, and the rest.</summary>
    private static SearchQuery FromParts(IReadOnlyList<QueryNode> parts)
    {
        var words = new List<string>();
        var phrases = new List<IReadOnlyList<string>>();
        var excludedWords = new List<string>();
        var excludedPhrases = new List<IReadOnlyList<string>>();
        var filters = new List<QueryNode>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case TermNode { TitleOnly: false, IsPhrase: false } word:
                    AddOnce(words, word.Tokens[0]);
                    break;
                case TermNode { TitleOnly: false, IsPhrase: true } phrase:
                    phrases.Add(phrase.Tokens);
                    break;
                case NotNode { Part: TermNode { TitleOnly: false, IsPhrase: false } word }:
                    AddOnce(excludedWords, word.Tokens[0]);
                    break;
                case NotNode { Part: TermNode { TitleOnly: false, IsPhrase: true } phrase }:
                    excludedPhrases.Add(phrase.Tokens);
                    break;
                default:
                    filters.Add(part);
                    break;
            }
        }

        return new SearchQuery(words, phrases, excludedWords, excludedPhrases, filters);
    }

    private static void AddOnce(List<string> list, string word)
    {
        if (!list.Contains(word))
        {
            list.Add(word);
        }
    }
}
