namespace NewsBot.Core.Search;

/// <summary>
/// One article as a query sees it when it is tested on its own (a subscription meeting a new
/// article): its words as search reads them, its source's name and its topics.
/// </summary>
public sealed class ArticleTerms
{
    private HashSet<string>? _titleWords;

    public ArticleTerms(IReadOnlyList<string> title, IReadOnlyList<string> summary, string sourceName, IReadOnlyList<string> topics)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(topics);
        Title = title;
        Summary = summary;
        var words = new HashSet<string>(title, StringComparer.Ordinal);
        words.UnionWith(summary);
        Words = words;
        SourceKey = SourceNameKey.Of(sourceName);
        Topics = topics.Select(TopicNames.Normalize).ToHashSet(StringComparer.Ordinal);
    }

    public static ArticleTerms Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ArticleTerms(TextTokenizer.Tokenize(article.Title), TextTokenizer.Tokenize(article.Summary), article.SourceName, article.Topics);
    }

    public IReadOnlyList<string> Title { get; }

    public IReadOnlyList<string> Summary { get; }

    /// <summary>Every distinct word of the title and the summary.</summary>
    public IReadOnlySet<string> Words { get; }

    public IReadOnlySet<string> TitleWords => _titleWords ??= new HashSet<string>(Title, StringComparer.Ordinal);

    /// <summary>The source's name as <see cref="SourceNameKey"/> reads it.</summary>
    public string SourceKey { get; }

    /// <summary>The topics, normalised.</summary>
    public IReadOnlySet<string> Topics { get; }

    public bool ContainsPhrase(IReadOnlyList<string> phrase, bool titleOnly) =>
        ContainsPhrase(Title, phrase) || (!titleOnly && ContainsPhrase(Summary, phrase));

    private static bool ContainsPhrase(IReadOnlyList<string> tokens, IReadOnlyList<string> phrase)
    {
        for (var start = 0; start + phrase.Count <= tokens.Count; start++)
        {
            var all = true;
            for (var i = 0; i < phrase.Count && all; i++)
            {
                all = string.Equals(tokens[start + i], phrase[i], StringComparison.Ordinal);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}
