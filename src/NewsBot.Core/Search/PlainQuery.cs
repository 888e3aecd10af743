namespace NewsBot.Core.Search;

/// <summary>
/// The query language as it was before fields, <c>OR</c>, groups and patterns: words, quoted
/// phrases (an unclosed quote closes at the end) and <c>-</c> exclusions, every other sign
/// punctuation. Queries stored then that the strict reading refuses are read this way.
/// </summary>
internal static class PlainQuery
{
    public static IReadOnlyList<QueryNode> Parse(string text)
    {
        var parts = new List<QueryNode>();
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
            var quoted = QueryParser.IsQuote(text[i]);
            if (quoted)
            {
                var end = i + 1;
                while (end < text.Length && !QueryParser.IsQuote(text[end]))
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
            QueryNode term = new TermNode(tokens, isPhrase: quoted || tokens.Count > 1, titleOnly: false);
            parts.Add(negated ? new NotNode(term) : term);
        }

        return parts;
    }
}
