namespace NewsBot.Tests.Search;

public sealed class SearchQueryTests
{
    [Fact]
    public void Parse_WordsPhrasesAndExclusions_AreSeparated()
    {
        var query = SearchQuery.Parse("solar \"power plant\" -wind -\"coal mine\"");

        Assert.Equal(["solar"], query.Words);
        Assert.Equal(["power", "plant"], query.Phrases.Single());
        Assert.Equal(["wind"], query.ExcludedWords);
        Assert.Equal(["coal", "mine"], query.ExcludedPhrases.Single());
    }

    [Fact]
    public void Parse_UnbalancedQuote_IsClosedAtTheEnd()
    {
        var query = SearchQuery.Parse("\"quantum chip");

        Assert.Equal(["quantum", "chip"], query.Phrases.Single());
    }

    [Fact]
    public void Parse_OnlyExclusions_IsEmpty()
    {
        Assert.True(SearchQuery.Parse("-wind -coal").IsEmpty);
        Assert.True(SearchQuery.Parse("!!! ...").IsEmpty);
    }

    [Fact]
    public void Parse_LoneDash_IsIgnored()
    {
        var query = SearchQuery.Parse("solar - wind");

        Assert.Equal(["solar", "wind"], query.Words);
    }

    [Fact]
    public void ToString_SameQueryTypedDifferently_ReadsTheSame()
    {
        Assert.Equal(SearchQuery.Parse("Solar  -WIND \"Power Plants\"").ToString(), SearchQuery.Parse("solar \"power plant\" -wind").ToString());
    }
}
