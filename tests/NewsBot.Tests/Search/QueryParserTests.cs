namespace NewsBot.Tests.Search;

public sealed class QueryParserTests
{
    [Fact]
    public void PlainQueries_ReadAsBefore()
    {
        var query = Parse("solar \"power plant\" -wind -\"coal mine\" covid-19");

        Assert.Equal(["solar"], query.Words);
        Assert.Equal([["power", "plant"], ["covid", "19"]], query.Phrases.Select(p => p.ToArray()));
        Assert.Equal(["wind"], query.ExcludedWords);
        Assert.Equal(["coal", "mine"], query.ExcludedPhrases.Single());
        Assert.Empty(query.Filters);
    }

    [Theory]
    [InlineData("source:\"Daily Circuit\"", "source:\"daily circuit\"")]
    [InlineData("SOURCE:Reuters", "source:reuter")]
    [InlineData("topic:Climate", "topic:climate")]
    [InlineData("topic:Technik", "topic:technology")]
    [InlineData("topic:Наука", "topic:science")]
    [InlineData("topic:cricket", "topic:cricket")]
    [InlineData("title:robot", "title:robot")]
    [InlineData("title:\"robot chef\"", "title:\"robot chef\"")]
    [InlineData("title:/^rob/", "title:/^rob/i")]
    [InlineData("/electri(c|fied)/i", "/electri(c|fied)/i")]
    [InlineData("solar OR wind", "solar OR wind")]
    [InlineData("electric cars OR trucks", "electric (car OR truck)")]
    [InlineData("(solar OR wind) -stocks", "(solar OR wind) -stock")]
    [InlineData("-(solar wind) robot", "robot -(solar wind)")]
    [InlineData("-topic:sports robot", "robot -topic:sports")]
    public void Fields_Or_Groups_AndPatterns_ReadBackCanonically(string typed, string canonical)
    {
        Assert.Equal(canonical, Parse(typed).ToString());
    }

    [Fact]
    public void Or_BindsCloserThanTheSpace()
    {
        var query = Parse("electric cars OR trucks");

        Assert.Equal(["electric"], query.Words);
        var either = Assert.IsType<AnyNode>(Assert.Single(query.Filters));
        Assert.Equal(2, either.Parts.Count);
    }

    [Theory]
    [InlineData("solar or wind", "solar or wind")]
    [InlineData("Re: solar", "re solar")]
    [InlineData("source: solar", "source solar")]
    [InlineData("10:30 flight", "flight \"10 30\"")]
    [InlineData("solar - wind", "solar wind")]
    public void LookAlikes_StayWords(string typed, string canonical)
    {
        var query = Parse(typed);

        Assert.Empty(query.Filters);
        Assert.Equal(canonical, query.ToString());
    }

    [Theory]
    [InlineData("solar author:smith", QueryErrorKind.UnknownField, 7, "author:")]
    [InlineData("solar topic:\"\"", QueryErrorKind.EmptyField, 7, "topic:\"\"")]
    [InlineData("title:--", QueryErrorKind.EmptyField, 1, "title:--")]
    [InlineData("solar \"power plant", QueryErrorKind.UnclosedQuote, 7, "\"power plant")]
    [InlineData("source:\"Daily Circuit", QueryErrorKind.UnclosedQuote, 8, "\"Daily Circuit")]
    [InlineData("(solar OR wind", QueryErrorKind.UnclosedParenthesis, 1, "(")]
    [InlineData("solar) wind", QueryErrorKind.UnopenedParenthesis, 6, ")")]
    [InlineData("solar ()", QueryErrorKind.EmptyGroup, 7, "()")]
    [InlineData("OR solar", QueryErrorKind.LonelyOr, 1, "OR")]
    [InlineData("solar OR", QueryErrorKind.LonelyOr, 7, "OR")]
    [InlineData("solar OR OR wind", QueryErrorKind.LonelyOr, 7, "OR")]
    [InlineData("(solar OR) wind", QueryErrorKind.LonelyOr, 8, "OR")]
    [InlineData("solar /elec", QueryErrorKind.UnclosedPattern, 7, "/elec")]
    [InlineData("/elec(tric/", QueryErrorKind.BadPattern, 0, "/elec(tric/")]
    [InlineData("/(?<=e)lectric/", QueryErrorKind.UnsupportedPattern, 0, "/(?<=e)lectric/")]
    [InlineData("/(a)\\1/", QueryErrorKind.UnsupportedPattern, 0, "/(a)\\1/")]
    [InlineData("/solar power/", QueryErrorKind.PatternWithSpace, 7, "/solar power/")]
    [InlineData("/solar/x", QueryErrorKind.BadPatternFlag, 8, "x")]
    [InlineData("((((((((((solar))))))))))", QueryErrorKind.TooDeep, 9, "(")]
    public void Mistakes_SayWhatAndWhere(string typed, QueryErrorKind kind, int position, string token)
    {
        Assert.Null(SearchQuery.TryParse(typed, out var error));

        Assert.Equal(kind, error!.Kind);
        if (position > 0)
        {
            Assert.Equal(position, error.Position);
        }

        if (token.Length > 0)
        {
            Assert.Equal(token, error.Token);
        }
    }

    [Fact]
    public void APatternLongerThanTheCap_IsRefused()
    {
        Assert.Null(SearchQuery.TryParse("/" + new string('a', QueryPatterns.MaxLength + 1) + "/", out var error));

        Assert.Equal(QueryErrorKind.PatternTooLong, error!.Kind);
    }

    [Fact]
    public void APatternThatBacktracksCatastrophically_RunsOnTheNonBacktrackingEngine_AndFinishes()
    {
        var pattern = Assert.IsType<PatternNode>(Assert.Single(Parse("/(a+)+$/").Filters));
        var nested = Assert.IsType<PatternNode>(Assert.Single(Parse("/(a|aa)+b/").Filters));
        var word = new string('a', 100_000) + "c";

        // On a backtracking engine either takes longer than the universe has left.
        Assert.False(pattern.Finds(word));
        Assert.False(nested.Finds(word));
        Assert.True(pattern.Finds(new string('a', 100_000)));
        Assert.True(QueryPatterns.TryCreate("(a+)+$", out _, out _)!.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking));
        Assert.Equal(QueryPatterns.MatchTimeout, QueryPatterns.TryCreate("(a+)+$", out _, out _)!.MatchTimeout);
    }

    [Fact]
    public void APattern_IgnoresCaseAndAccents()
    {
        var pattern = Assert.IsType<PatternNode>(Assert.Single(Parse("/ZÜRICH/").Filters));

        Assert.True(pattern.Finds("zurich"));
    }

    [Fact]
    public void TermsAreCounted_SoAQueryOf500Terms_CanBeRefused()
    {
        var query = Parse(string.Join(' ', Enumerable.Range(0, 500).Select(i => "w" + i)));

        Assert.Equal(500, query.TermCount);
        Assert.Equal(5, Parse("(a OR b) title:c source:d -/e/").TermCount);
    }

    [Theory]
    [InlineData("\"quantum chip", "\"quantum chip\"")]
    [InlineData("solar) author:x", "solar \"author x\"")]
    [InlineData("covid:19 (", "\"covid 19\"")]
    public void AStoredQueryTheStrictReadingRefuses_IsReadAsBefore(string stored, string canonical)
    {
        Assert.Null(SearchQuery.TryParse(stored, out _));

        Assert.Equal(canonical, SearchQuery.Parse(stored).ToString());
    }

    [Theory]
    [InlineData("solar", false)]
    [InlineData("-solar", true)]
    [InlineData("-topic:sports", true)]
    [InlineData("topic:sports", false)]
    [InlineData("/sol/", false)]
    public void OnlyExclusions_IsEmpty(string typed, bool empty)
    {
        Assert.Equal(empty, Parse(typed).IsEmpty);
    }

    private static SearchQuery Parse(string text)
    {
        var query = SearchQuery.TryParse(text, out var error);
        Assert.True(query is not null, $"'{text}' was refused: {error}");
        return query!;
    }
}
