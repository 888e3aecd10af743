namespace NewsBot.Tests.Commands;

public sealed class ReadingCommandsTests : BotTest
{
    [Theory]
    [MemberData(nameof(BadInputs.Of), "Reading", MemberType = typeof(BadInputs))]
    public async Task Command_WithNothingToShowOrMistyped_SaysWhatToType(string command, string expected)
    {
        var answer = await Bot.SendAsync(command);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_ShowsNumberedArticlesWithIdSourceTimeAndLink()
    {
        var source = Bot.Source("Daily Wire");
        await Bot.IngestAsync(source, TestBot.Entry("Robot arm learns to cook", hoursAgo: 3, link: "https://wire.example/robot"));

        var answer = await Bot.SendAsync("/latest");

        Expect.ContainsAll(answer, "  #1 Robot arm learns to cook", "Daily Wire · 3 h ago", "https://wire.example/robot");
    }

    [Fact]
    public async Task Latest_ManyArticles_IsPagedWithMoreAndPrevButtons()
    {
        var source = Bot.Source();
        await Bot.IngestAsync(source, Enumerable.Range(1, 12).Select(i => TestBot.Entry($"Story {i}", hoursAgo: i)).ToArray());

        var first = await Bot.SendAsync("/latest");
        var second = await Bot.SendAsync("/latest 2");

        Assert.Contains("page 1 of 3", first, StringComparison.Ordinal);
        Assert.Contains("[More ▶: /latest 2]", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Prev", first, StringComparison.Ordinal);
        Expect.ContainsAll(second, "  #6 Story 6", "[◀ Prev: /latest 1]", "[More ▶: /latest 3]");
    }

    [Theory]
    [MemberData(nameof(BadInputs.WithOneArticle), MemberType = typeof(BadInputs))]
    public async Task WithOneArticle_BadPageMisspeltTopicOrNoMatch_SaysWhatToTypeInstead(string title, string command, string expected)
    {
        await Bot.IngestAsync(Bot.Source(), TestBot.Entry(title));

        var answer = await Bot.SendAsync(command);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_PageFarPastTheEnd_ShowsTheLastPage()
    {
        await Bot.IngestAsync(Bot.Source(), Enumerable.Range(1, 7).Select(i => TestBot.Entry($"Story {i}", hoursAgo: i)).ToArray());

        var answer = await Bot.SendAsync("/latest 100000");

        Assert.Contains("only 2 pages", answer, StringComparison.Ordinal);
        Assert.Contains("#7 Story 7", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topics_ListsTopicsWithCounts()
    {
        var source = Bot.Source();
        await Bot.IngestAsync(source, TestBot.Entry("New robot", hoursAgo: 1), TestBot.Entry("Chip plant", hoursAgo: 2), TestBot.Entry("Telescope", hoursAgo: 3));

        var answer = await Bot.SendAsync("/topics");

        Expect.ContainsAll(answer, "technology", "2 articles", "1 article", "[technology: /topic technology]");
    }

    [Fact]
    public async Task Topic_KnownTopic_ListsOnlyItsArticles()
    {
        var source = Bot.Source();
        await Bot.IngestAsync(source, TestBot.Entry("New robot"), TestBot.Entry("Telescope finds comet"));

        var answer = await Bot.SendAsync("/topic Science");

        Assert.Contains("Telescope finds comet", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("New robot", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsRankedResultsWithPaging()
    {
        await Bot.IngestAsync(Bot.Source(), Enumerable.Range(1, 7).Select(i => TestBot.Entry($"Solar farm {i}", hoursAgo: i)).ToArray());

        var answer = await Bot.SendAsync("/search solar");

        Assert.Contains("7 results for solar", answer, StringComparison.Ordinal);
        Assert.Contains("[More ▶: /search solar page:2]", answer, StringComparison.Ordinal);
        Assert.Contains("#6 Solar farm 6", await Bot.SendAsync("/search solar page:2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_HundredKilobyteLine_IsRefusedPolitely()
    {
        var answer = await Bot.SendAsync("/search " + new string('a', 100_000));

        Assert.Contains("too long", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainTextInPrivateChat_IsASearch()
    {
        await Bot.IngestAsync(Bot.Source(), TestBot.Entry("Solar farm opens"));

        Assert.Contains("Solar farm opens", await Bot.SendAsync("solar"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainTextInGroup_IsIgnored()
    {
        Assert.Null(await Bot.SendAsync("hello everyone", ChatKind.Group, chat: "telegram:-100"));
    }

    [Fact]
    public async Task Read_ShowsTheCardWithSaveAndOpenButtons()
    {
        await Bot.IngestAsync(Bot.Source("Daily Wire"), TestBot.Entry("Robot arm", "It folds laundry.\nAnd cooks.", link: "https://wire.example/robot"));

        var reply = await Bot.ReplyToAsync("/read 1");
        var answer = await Bot.SendAsync("/read 1");

        Expect.ContainsAll(answer, "#1 Robot arm", "It folds laundry.", "Link: https://wire.example/robot");
        Assert.Contains(reply!.Buttons, b => b.Command == "/bookmark 1");
        Assert.Contains(reply.Buttons, b => b.Url == "https://wire.example/robot");
    }

    [Fact]
    public async Task CommandForAnotherBot_IsIgnored()
    {
        Assert.Null(await Bot.SendAsync("/latest@SomeOtherBot", ChatKind.Group, chat: "telegram:-100"));
    }

    [Fact]
    public async Task Help_ListsEveryCommand_AndExplainsOne()
    {
        var all = await Bot.SendAsync("/help");
        var one = await Bot.SendAsync("/help subscribe");

        foreach (var command in NewsBot.Core.Commands.CommandCatalog.All.Where(c => c.Audience != NewsBot.Core.Commands.CommandAudience.BotAdmins))
        {
            Assert.Contains(command.Usage(LanguageCatalog.Default.For(LanguageCatalog.EnglishCode)), all, StringComparison.Ordinal);
        }

        Assert.Contains("/subscribe science daily 08:00", one, StringComparison.Ordinal);
        Assert.Contains("There is no command /nope", await Bot.SendAsync("/help nope"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WelcomesAndShowsTheFirstCommands()
    {
        var answer = await Bot.SendAsync("/start");

        Assert.Contains("Welcome to NewsBot, Ada!", answer, StringComparison.Ordinal);
        Assert.Contains("/latest", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_ShowsEachSourceHealth()
    {
        var good = Bot.Source("Good Wire");
        var bad = Bot.Source("Bad Wire");
        var sources = Bot.Get<NewsBot.Core.Articles.ISourceStore>();
        await sources.SaveAsync(good with { LastAttemptAt = TestBot.Now.AddMinutes(-3), LastSuccessAt = TestBot.Now.AddMinutes(-3), ItemCount = 12, NextPollAt = TestBot.Now.AddMinutes(7) }, CancellationToken.None);
        await sources.SaveAsync(bad with { LastAttemptAt = TestBot.Now.AddMinutes(-1), LastError = "HTTP 404 Not Found", ConsecutiveFailures = 1, NextPollAt = TestBot.Now.AddMinutes(4) }, CancellationToken.None);

        var answer = await Bot.SendAsync("/sources", user: "terminal:local", chat: "terminal:local");
        var toEveryone = await Bot.SendAsync("/sources");

        Expect.ContainsAll(
            answer,
            "1 of 2 healthy", "12 articles · ok, read 3 min ago, next check in 7 min",
            "failing: HTTP 404 Not Found (1 failure; never read, next check in 4 min)");

        // The error's text can name internal hosts and paths: only the bot's admins see it.
        Assert.Contains("failing (1 failure; never read, next check in 4 min)", toEveryone, StringComparison.Ordinal);
        Assert.DoesNotContain("404", toEveryone, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/search \u0000\u0001solar\u0007")]
    [InlineData("/search 🚀🚀🚀")]
    [InlineData("/search مرحبا")]
    [InlineData("/read ٤٢")]
    [InlineData("/")]
    [InlineData("/@")]
    [InlineData("/topic \"")]
    [InlineData("/search \"\"\"")]
    public async Task OddInput_GetsAnAnswerNotAnException(string command)
    {
        await Bot.IngestAsync(Bot.Source(), TestBot.Entry("Solar farm"));

        var answer = await Bot.SendAsync(command);

        Assert.False(string.IsNullOrWhiteSpace(answer));
        Assert.DoesNotContain("something went wrong", answer, StringComparison.OrdinalIgnoreCase);
    }
}
