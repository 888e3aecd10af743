using FsCheck.Xunit;

namespace NewsBot.Tests.Commands;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("/latest", "latest", "")]
    [InlineData("/LATEST 2", "latest", "2")]
    [InlineData("  /search   solar    power  ", "search", "solar power")]
    [InlineData("/latest@NewsBot 3", "latest", "3")]
    [InlineData("/latest@newsbot", "latest", "")]
    [InlineData("/read\t42", "read", "42")]
    [InlineData("/search café Zürich", "search", "café Zürich")]
    [InlineData("/search 🚀 launch", "search", "🚀 launch")]
    [InlineData("/search مرحبا بالعالم", "search", "مرحبا بالعالم")]
    public void Parse_Command_ReturnsNameAndCleanArguments(string text, string name, string arguments)
    {
        var parsed = Assert.IsType<ParsedCommand>(CommandParser.Parse(text, "NewsBot"));

        Assert.Equal(name, parsed.Name);
        Assert.Equal(arguments, parsed.Arguments);
    }

    [Fact]
    public void Parse_CommandForAnotherBot_IsIgnored()
    {
        Assert.IsType<ForAnotherBot>(CommandParser.Parse("/latest@OtherBot", "NewsBot"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0001\u0002\u0007")]
    [InlineData(null)]
    public void Parse_NothingVisible_ReturnsEmpty(string? text)
    {
        Assert.IsType<EmptyInput>(CommandParser.Parse(text));
    }

    [Fact]
    public void Parse_PlainText_ReturnsPlainText()
    {
        var parsed = Assert.IsType<PlainText>(CommandParser.Parse("quantum chips"));
        Assert.Equal("quantum chips", parsed.Text);
    }

    [Fact]
    public void Clean_ControlCharacters_AreDropped()
    {
        Assert.Equal("/read 42", CommandParser.Clean("/re\u0000ad\u001b 42\u007f"));
    }

    [Fact]
    public void Clean_HundredKilobyteLine_IsCappedWithoutSplittingSurrogates()
    {
        var huge = "/search " + string.Concat(Enumerable.Repeat("🚀a", 50_000));

        var clean = CommandParser.Clean(huge);

        Assert.True(clean.Length <= CommandParser.MaxInputLength);
        Assert.False(char.IsHighSurrogate(clean[^1]));
    }

    [Property(MaxTest = 500)]
    public bool Parse_AnyText_NeverThrowsAndStaysClean(string? text)
    {
        var parsed = CommandParser.Parse(text, "NewsBot");
        return parsed switch
        {
            ParsedCommand c => string.Equals(c.Name, c.Name.ToLowerInvariant(), StringComparison.Ordinal) && IsClean(c.Arguments) && c.Arguments.Length <= CommandParser.MaxInputLength,
            PlainText p => IsClean(p.Text) && p.Text.Length > 0,
            _ => true,
        };
    }

    [Property(MaxTest = 500)]
    public bool Clean_AnyText_IsIdempotent(string? text)
    {
        var once = CommandParser.Clean(text);
        return CommandParser.Clean(once) == once;
    }

    private static bool IsClean(string text) =>
        !text.Any(char.IsControl) && text == text.Trim() && !text.Contains("  ", StringComparison.Ordinal) && !HasLoneSurrogate(text);

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
