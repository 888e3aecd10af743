namespace NewsBot.Core.Search;

/// <summary>
/// Reads a query as typed, strictly: every mistake is reported with where it is. The grammar:
/// terms side by side must all match (for a search, plain words may: see
/// <see cref="SearchQuery"/>); <c>OR</c> (in capitals) between two terms means either, and binds
/// closer than the space, so <c>electric cars OR trucks</c> is electric and (cars or trucks);
/// <c>( … )</c> groups; <c>-</c> in front of any term or group excludes it. A term is a word,
/// a <c>"quoted phrase"</c>, a field (<c>title:</c>, <c>source:</c>, <c>topic:</c>) or a
/// <c>/pattern/i</c>.
/// </summary>
internal sealed class QueryParser
{
    /// <summary>Groups inside groups beyond this are refused; no sensible query needs more.</summary>
    public const int MaxDepth = 8;

    private readonly string _text;
    private int _at;

    private QueryParser(string text) => _text = text;

    public static IReadOnlyList<QueryNode> Parse(string text) => new QueryParser(text).Sequence(depth: 0, openedAt: -1);

    /// <summary>Reads terms up to the end, or up to the <c>)</c> that closes the group opened at <paramref name="openedAt"/>.</summary>
    private List<QueryNode> Sequence(int depth, int openedAt)
    {
        var parts = new List<QueryNode>();
        while (true)
        {
            SkipSpace();
            if (_at >= _text.Length)
            {
                if (openedAt >= 0)
                {
                    throw Fail(QueryErrorKind.UnclosedParenthesis, openedAt, "(");
                }

                return parts;
            }

            if (_text[_at] == ')')
            {
                if (openedAt < 0)
                {
                    throw Fail(QueryErrorKind.UnopenedParenthesis, _at, ")");
                }

                _at++;
                return parts;
            }

            if (IsOr())
            {
                throw Fail(QueryErrorKind.LonelyOr, _at, "OR");
            }

            var first = Unary(depth);
            SkipSpace();
            if (!IsOr())
            {
                if (first is not null)
                {
                    parts.Add(first);
                }

                continue;
            }

            var either = new List<QueryNode>();
            if (first is null)
            {
                throw Fail(QueryErrorKind.LonelyOr, _at, "OR");
            }

            either.Add(first);
            while (IsOr())
            {
                var orAt = _at;
                _at += 2;
                SkipSpace();
                if (_at >= _text.Length || _text[_at] == ')' || IsOr())
                {
                    throw Fail(QueryErrorKind.LonelyOr, orAt, "OR");
                }

                either.Add(Unary(depth) ?? throw Fail(QueryErrorKind.LonelyOr, orAt, "OR"));
                SkipSpace();
            }

            parts.Add(new AnyNode(either));
        }
    }

    /// <summary>One term or group, excluded when a <c>-</c> stands right before it; null for text with no word in it.</summary>
    private QueryNode? Unary(int depth)
    {
        var negated = _text[_at] == '-' && _at + 1 < _text.Length && !char.IsWhiteSpace(_text[_at + 1]);
        if (negated)
        {
            _at++;
        }

        var node = Primary(depth);
        return negated && node is not null ? new NotNode(node) : node;
    }

    private QueryNode? Primary(int depth)
    {
        var start = _at;
        var c = _text[_at];
        if (c == '(')
        {
            if (depth >= MaxDepth)
            {
                throw Fail(QueryErrorKind.TooDeep, start, "(");
            }

            _at++;
            var parts = Sequence(depth + 1, start);
            return parts.Count switch
            {
                0 => throw Fail(QueryErrorKind.EmptyGroup, start, _text[start.._at]),
                1 => parts[0],
                _ => new AllNode(parts),
            };
        }

        if (IsQuote(c))
        {
            var tokens = TextTokenizer.Tokenize(Quoted());
            return tokens.Count == 0 ? null : new TermNode(tokens, isPhrase: true, titleOnly: false);
        }

        if (c == '/' && _at + 1 < _text.Length && !char.IsWhiteSpace(_text[_at + 1]))
        {
            return Pattern(titleOnly: false);
        }

        if (FieldName() is { } field)
        {
            return Field(field, start);
        }

        var chunk = Chunk();
        var words = TextTokenizer.Tokenize(chunk);

        // A hyphenated word such as "covid-19" reads as several words: a phrase.
        return words.Count == 0 ? null : new TermNode(words, isPhrase: words.Count > 1, titleOnly: false);
    }

    /// <summary>The field's name when a <c>name:value</c> starts here (and moves past the colon); null for a plain word.</summary>
    private string? FieldName()
    {
        var end = _at;
        while (end < _text.Length && char.IsAsciiLetter(_text[end]))
        {
            end++;
        }

        // "Re: solar" is a word followed by a colon, not a field.
        if (end == _at || end + 1 >= _text.Length || _text[end] != ':' || char.IsWhiteSpace(_text[end + 1]) || _text[end + 1] == ')')
        {
            return null;
        }

        var name = _text[_at..end];
        var known = name.ToLowerInvariant();
        if (known is not ("source" or "topic" or "title"))
        {
            throw Fail(QueryErrorKind.UnknownField, _at, name + ":");
        }

        _at = end + 1;
        return known;
    }

    private QueryNode Field(string field, int start)
    {
        if (field == "title" && _text[_at] == '/')
        {
            return Pattern(titleOnly: true);
        }

        var quoted = IsQuote(_text[_at]);
        var value = quoted ? Quoted() : Chunk();
        switch (field)
        {
            case "source":
                var key = SourceNameKey.Of(value);
                return key.Length == 0 ? throw Fail(QueryErrorKind.EmptyField, start, _text[start.._at]) : new SourceNode(key);
            case "topic":
                // A topic may be named in any interface language (topic:Technik): its key is what articles carry.
                var topic = TopicNames.Normalize(LanguageCatalog.Default.TopicKeyFor(value) ?? value);
                return topic.Length == 0 ? throw Fail(QueryErrorKind.EmptyField, start, _text[start.._at]) : new TopicNode(topic);
            default:
                var tokens = TextTokenizer.Tokenize(value);
                return tokens.Count == 0
                    ? throw Fail(QueryErrorKind.EmptyField, start, _text[start.._at])
                    : new TermNode(tokens, isPhrase: quoted || tokens.Count > 1, titleOnly: true);
        }
    }

    /// <summary>A <c>/pattern/</c> with an optional <c>i</c>; patterns ignore case in any event.</summary>
    private PatternNode Pattern(bool titleOnly)
    {
        var start = _at;
        var end = start + 1;
        while (end < _text.Length && _text[end] != '/')
        {
            end += _text[end] == '\\' ? 2 : 1;
        }

        if (end >= _text.Length)
        {
            throw Fail(QueryErrorKind.UnclosedPattern, start, Shorten(_text[start..]));
        }

        var pattern = _text[(start + 1)..end];
        var space = pattern.IndexOf(' ', StringComparison.Ordinal);
        if (space >= 0 || pattern.Any(char.IsWhiteSpace))
        {
            throw Fail(QueryErrorKind.PatternWithSpace, start + 1 + Math.Max(0, space), Shorten(_text[start..(end + 1)]));
        }

        _at = end + 1;
        var flagsAt = _at;
        var flags = Chunk();
        if (flags.Length > 0 && !flags.All(f => f is 'i' or 'I'))
        {
            throw Fail(QueryErrorKind.BadPatternFlag, flagsAt, flags);
        }

        if (pattern.Length == 0)
        {
            throw Fail(QueryErrorKind.BadPattern, start, "//");
        }

        var regex = QueryPatterns.TryCreate(pattern, out var problem, out var offset);
        return regex is null
            ? throw Fail(problem!.Value, start + 1 + offset, Shorten(_text[start..(end + 1)]))
            : new PatternNode(regex, pattern, titleOnly);
    }

    /// <summary>The text between this quote and the next; an unclosed quote is a mistake.</summary>
    private string Quoted()
    {
        var start = _at;
        var end = start + 1;
        while (end < _text.Length && !IsQuote(_text[end]))
        {
            end++;
        }

        if (end >= _text.Length)
        {
            throw Fail(QueryErrorKind.UnclosedQuote, start, Shorten(_text[start..]));
        }

        _at = end + 1;
        return _text[(start + 1)..end];
    }

    /// <summary>Text up to the next space or parenthesis.</summary>
    private string Chunk()
    {
        var start = _at;
        while (_at < _text.Length && !char.IsWhiteSpace(_text[_at]) && _text[_at] is not ('(' or ')'))
        {
            _at++;
        }

        return _text[start.._at];
    }

    private bool IsOr() =>
        _at + 1 < _text.Length && _text[_at] == 'O' && _text[_at + 1] == 'R'
        && (_at + 2 == _text.Length || char.IsWhiteSpace(_text[_at + 2]) || _text[_at + 2] is '(' or ')');

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
        {
            _at++;
        }
    }

    private static string Shorten(string token) => Text.Quoted.Shorten(token, 40);

    private static QueryException Fail(QueryErrorKind kind, int index, string token) => new(new QueryError(kind, index + 1, token));

    internal static bool IsQuote(char c) => c is '"' or '“' or '”' or '«' or '»' or '„';
}
