namespace NewsBot.Tests.Commands;

/// <summary>/search with the sharper language, through the router; mistakes are shown where they are.</summary>
public sealed class SearchLanguageTests : BotTest
{
    [Fact]
    public async Task Fields_Or_AndPatterns_Narrow_ASearch()
    {
        await Bot.IngestAsync(Bot.Source("Daily Circuit", "technology"),
            TestBot.Entry("Robot chef opens a kitchen", hoursAgo: 1),
            TestBot.Entry("Kitchen gadgets", "A robot in every kitchen", hoursAgo: 2));
        await Bot.IngestAsync(Bot.Source("Open Lab Notes", "science"), TestBot.Entry("Robot arm folds laundry", hoursAgo: 3));

        var bySource = Flat.Text(await Bot.SendAsync("/search robot source:\"Daily Circuit\""));
        var inTitles = Flat.Text(await Bot.SendAsync("/search title:robot"));
        var either = Flat.Text(await Bot.SendAsync("/search topic:science OR /^gadget/"));

        Expect.ContainsAll(bySource, "2 results", "Robot chef", "Kitchen gadgets");
        Assert.DoesNotContain("Robot arm", bySource, StringComparison.Ordinal);
        Expect.ContainsAll(inTitles, "2 results", "Robot chef", "Robot arm");
        Expect.ContainsAll(either, "2 results", "Kitchen gadgets", "Robot arm");
    }

    [Theory]
    [MemberData(nameof(BadInputs.Of), "SearchQueries", MemberType = typeof(BadInputs))]
    public async Task AMistake_IsShownWhereItIs(string command, string expected)
    {
        var answer = await Bot.ReplyToAsync(command);

        Assert.True(answer!.IsProblem);
        Assert.Contains(expected, answer.Blocks.OfType<TextBlock>().Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryOf500Terms_IsToldTheLimit()
    {
        var terms = Enumerable.Range(0, 500).Select(i => $"{(char)('a' + (i / 26))}{(char)('a' + (i % 26))}");
        var answer = await Bot.ReplyToAsync("/search " + string.Join(' ', terms));

        Assert.True(answer!.IsProblem);
        Assert.Equal("That search has 500 terms; use at most 12.", answer.Blocks.OfType<TextBlock>().Single().Text);
    }

    [Fact]
    public async Task ACatastrophicPattern_OnALongLine_Answers()
    {
        await Bot.IngestAsync(Bot.Source("Long Lines"), TestBot.Entry("A long line", new string('a', 20_000) + "c", hoursAgo: 1), TestBot.Entry("Short and sweet", hoursAgo: 2));

        // Each is exponential on a backtracking engine when the line of a's does not end as it asks.
        var anchored = Flat.Text(await Bot.SendAsync("/search /(a+)+$/"));
        var never = Flat.Text(await Bot.SendAsync("/search /(a+)+b/"));

        Expect.ContainsAll(anchored, "1 result", "A long line");
        Assert.Contains("Nothing found", never, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpSearch_ExplainsTheLanguage_WithExamples()
    {
        var help = Flat.Text(await Bot.SendAsync("/help search"));

        Expect.ContainsAll(help, "The search language", "source:\"Daily Circuit\" climate", "electric cars OR trucks", "title:robot", "topic:climate", "/electri(c|fied)/i", "(solar OR wind) -stocks", "At most 100 characters");
    }
}
