using NewsBot.Core.Search;

namespace NewsBot.Tests.Search;

public sealed class TextTokenizerTests
{
    [Theory]
    [InlineData("Zürich Café", "zurich cafe")]
    [InlineData("São Paulo naïve", "sao paulo naive")]
    [InlineData("ROBOTS, robots; Robot!", "robot robot robot")]
    [InlineData("Studies and glass", "study and glass")]
    [InlineData("News status", "news status")]
    [InlineData("Cars and jobs", "car and job")]
    [InlineData("C-3PO's 2026 plan", "c 3po s 2026 plan")]
    [InlineData("Привет МИР", "привет мир")]
    public void Tokenize_Text_FoldsCaseAccentsAndPlurals(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', TextTokenizer.Tokenize(text)));
    }

    [Fact]
    public void Tokenize_Empty_ReturnsNoTokens()
    {
        Assert.Empty(TextTokenizer.Tokenize(null));
        Assert.Empty(TextTokenizer.Tokenize("  ,.;  "));
    }
}
