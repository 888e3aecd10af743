namespace NewsBot.Core.Search;

/// <summary>
/// A parsed search: plain words (any may match, more matches rank higher), <c>"quoted phrases"</c>
/// (must appear as written), and <c>-word</c> or <c>-"phrase"</c> exclusions. Subscriptions use
/// the same language.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 300;
    public const int MaxTerms = 12;

    private SearchQuery(
        IReadOnlyList<string> words,
        IReadOnlyList<IReadOnlyList<string>> phrases,
        IReadOnlyList<string> excludedWords,
        IReadOnlyList<IReadOnlyList<string>> excludedPhrases)
    {
        Words = words;
        Phrases = phrases;
        ExcludedWords = excludedWords;
        ExcludedPhrases = excludedPhrases;
    }

    public IReadOnlyList<string> Words { get; }

    public IReadOnlyList<IReadOnlyList<string>> Phrases { get; }

    public IReadOnlyList<string> ExcludedWords { get; }

    public IReadOnlyList<IReadOnlyList<string>> ExcludedPhrases { get; }

    /// <summary>True when nothing positive is asked for (only exclusions, or only punctuation).</summary>
    public bool IsEmpty => Words.Count == 0 && Phrases.Count == 0;

    /// <summary>Parses a query; unbalanced quotes are closed at the end of the text.</summary>
    public static SearchQuery Parse(string text)
    {
        var words = new List<string>();
        var phrases = new List<IReadOnlyList<string>>();
        var excludedWords = new List<string>();
        var excludedPhrases = new List<IReadOnlyList<string>>();

        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (negated)
            {
                i++;
            }

            string chunk;
            var quoted = IsQuote(text[i]);
            if (quoted)
            {
                var end = i + 1;
                while (end < text.Length && !IsQuote(text[end]))
                {
                    end++;
                }

                chunk = text[(i + 1)..end];
                i = Math.Min(end + 1, text.Length);
            }
            else
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                chunk = text[i..end];
                i = end;
            }

            var tokens = TextTokenizer.Tokenize(chunk);
            if (tokens.Count == 0)
            {
                continue;
            }

            // A hyphenated word such as "covid-19" tokenizes to several tokens: treat it as a phrase.
            var isPhrase = quoted || tokens.Count > 1;
            if (isPhrase)
            {
                (negated ? excludedPhrases : phrases).Add(tokens);
            }
            else
            {
                var target = negated ? excludedWords : words;
                if (!target.Contains(tokens[0]))
                {
                    target.Add(tokens[0]);
                }
            }
        }

        return new SearchQuery(words, phrases, excludedWords, excludedPhrases);
    }

    public int TermCount => Words.Count + Phrases.Count + ExcludedWords.Count + ExcludedPhrases.Count;

    /// <summary>A canonical spelling: the same query typed differently reads the same.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var word in Words)
        {
            Append(builder, word);
        }

        foreach (var phrase in Phrases)
        {
            Append(builder, "\"" + string.Join(' ', phrase) + "\"");
        }

        foreach (var word in ExcludedWords)
        {
            Append(builder, "-" + word);
        }

        foreach (var phrase in ExcludedPhrases)
        {
            Append(builder, "-\"" + string.Join(' ', phrase) + "\"");
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string part)
    {
        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        builder.Append(part);
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '«' or '»' or '„';
}
