using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NewsBot.Core.Text;

namespace NewsBot.Tests.Text;

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

    [Theory]
    [InlineData("Zürich Café")]
    [InlineData("ROBOTS, robots; Robot! Studies and glass, news status, bus, gas, cities, ties, lies")]
    [InlineData("C-3PO's 2026 plan")]
    [InlineData("Привет МИР, naïve São Paulo")]
    [InlineData("a\u0301\u0301 \u0301 e\u0301tude")]
    [InlineData("")]
    [InlineData("  ,.;  ")]
    public void Read_Text_GivesTheTokensOfTokenize(string text)
    {
        Assert.Equal(TextTokenizer.Tokenize(text), ReadAll(text, bufferLength: 128));
    }

    [Fact]
    public void Read_WordLongerThanTheBuffer_IsFoldedAllTheSame()
    {
        var text = "Supercalifragilisticexpialidocious PROCESSES and tiny studies";

        Assert.Equal(TextTokenizer.Tokenize(text), ReadAll(text, bufferLength: 6));
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(NewsText)])]
    public bool Read_AnyText_GivesTheTokensOfTokenize(string text) =>
        TextTokenizer.Tokenize(text).SequenceEqual(ReadAll(text, bufferLength: 16));

    [Property(MaxTest = 300)]
    public bool Read_AnyString_GivesTheTokensOfTokenize(string? text) =>
        TextTokenizer.Tokenize(text).SequenceEqual(ReadAll(text ?? "", bufferLength: 16));

    private static List<string> ReadAll(string text, int bufferLength)
    {
        var tokens = new List<string>();
        Span<char> buffer = stackalloc char[bufferLength];
        var reader = TextTokenizer.Read(text, buffer);
        while (reader.MoveNext())
        {
            tokens.Add(reader.Current.ToString());
        }

        return tokens;
    }

    /// <summary>Text made of words that exercise the folding rules: plurals, case, accents, digits, punctuation.</summary>
    public static class NewsText
    {
        private static readonly string[] Words =
        [
            "robots", "Robots", "STUDIES", "ies", "ties", "glass", "bus", "status", "crisis", "news", "gas", "cities",
            "Zürich", "café", "Ærø", "naïve", "İstanbul", "ß", "ǅemal", "Привет", "東京", "x\u0301", "\u0301", "2026s",
            "C-3PO's", "e-mail", "rock'n'roll", "ABCDEFGHIJKLMNOPQRSTUVWXYZS", "a", "as", "is", "uses",
        ];

        private static readonly string[] Gaps = [" ", ", ", ".", "—", "\n", "'", "-", "  ", "\u00a0", "…"];

        public static Arbitrary<string> Strings() =>
            (from words in Gen.ListOf(Gen.Elements(Words))
             from gaps in Gen.ListOf(Gen.Elements(Gaps))
             select string.Concat(words.Zip(gaps.Concat(Enumerable.Repeat(" ", words.Count)), (w, g) => w + g))).ToArbitrary();
    }
}
