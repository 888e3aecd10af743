namespace NewsBot.Tests.Commands;

public sealed class ReadingCommandsTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("/latest", "There are no articles yet.")]
    [InlineData("/latest", "/sources")]
    [InlineData("/topic", "/topic <name>")]
    [InlineData("/search", "What should I look for?")]
    [InlineData("/search -wind", "at least one word")]
    [InlineData("/read", "needs an article number")]
    [InlineData("/read abc", "'abc' is not an article number")]
    [InlineData("/read 99999999", "There is no article #99999999")]
    [InlineData("/read 99999999999999", "There is no article #99999999999999")]
    [InlineData("/read -3", "There is no article #-3")]
    [InlineData("/lates", "I don't know /lates")]
    [InlineData("/lates", "Did you mean /latest?")]
    public async Task Command_WithNothingToShowOrMistyped_SaysWhatToType(string command, string expected)
    {
        var answer = await _bot.SendAsync(command);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_ShowsNumberedArticlesWithIdSourceTimeAndLink()
    {
        var source = _bot.Source("Daily Wire");
        await _bot.IngestAsync(source, TestBot.Entry("Robot arm learns to cook", hoursAgo: 3, link: "https://wire.example/robot"));

        var answer = await _bot.SendAsync("/latest");

        Assert.Contains("  #1 Robot arm learns to cook", answer, StringComparison.Ordinal);
        Assert.Contains("Daily Wire · 3 h ago", answer, StringComparison.Ordinal);
        Assert.Contains("https://wire.example/robot", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_ManyArticles_IsPagedWithMoreAndPrevButtons()
    {
        var source = _bot.Source();
        await _bot.IngestAsync(source, Enumerable.Range(1, 12).Select(i => TestBot.Entry($"Story {i}", hoursAgo: i)).ToArray());

        var first = await _bot.SendAsync("/latest");
        var second = await _bot.SendAsync("/latest 2");

        Assert.Contains("page 1 of 3", first, StringComparison.Ordinal);
        Assert.Contains("[More ▶: /latest 2]", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Prev", first, StringComparison.Ordinal);
        Assert.Contains("  #6 Story 6", second, StringComparison.Ordinal);
        Assert.Contains("[◀ Prev: /latest 1]", second, StringComparison.Ordinal);
        Assert.Contains("[More ▶: /latest 3]", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Story", "/latest -5", "Pages start at 1")]
    [InlineData("Story", "/latest -5", "/latest 2")]
    [InlineData("Story", "/latest abc", "must be a number")]
    [InlineData("Story", "/latest abc", "/latest 2")]
    [InlineData("Telescope finds comet", "/topic sciense", "Did you mean /topic science?")]
    [InlineData("Solar farm", "/search zeppelin", "Nothing found for zeppelin")]
    public async Task WithOneArticle_BadPageMisspeltTopicOrNoMatch_SaysWhatToTypeInstead(string title, string command, string expected)
    {
        await _bot.IngestAsync(_bot.Source(), TestBot.Entry(title));

        var answer = await _bot.SendAsync(command);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_PageFarPastTheEnd_ShowsTheLastPage()
    {
        await _bot.IngestAsync(_bot.Source(), Enumerable.Range(1, 7).Select(i => TestBot.Entry($"Story {i}", hoursAgo: i)).ToArray());

        var answer = await _bot.SendAsync("/latest 100000");

        Assert.Contains("only 2 pages", answer, StringComparison.Ordinal);
        Assert.Contains("#7 Story 7", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topics_ListsTopicsWithCounts()
    {
        var source = _bot.Source();
        await _bot.IngestAsync(source, TestBot.Entry("New robot", hoursAgo: 1), TestBot.Entry("Chip plant", hoursAgo: 2), TestBot.Entry("Telescope", hoursAgo: 3));

        var answer = await _bot.SendAsync("/topics");

        Assert.Contains("technology", answer, StringComparison.Ordinal);
        Assert.Contains("2 articles", answer, StringComparison.Ordinal);
        Assert.Contains("1 article", answer, StringComparison.Ordinal);
        Assert.Contains("[technology: /topic technology]", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_KnownTopic_ListsOnlyItsArticles()
    {
        var source = _bot.Source();
        await _bot.IngestAsync(source, TestBot.Entry("New robot"), TestBot.Entry("Telescope finds comet"));

        var answer = await _bot.SendAsync("/topic Science");

        Assert.Contains("Telescope finds comet", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("New robot", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsRankedResultsWithPaging()
    {
        await _bot.IngestAsync(_bot.Source(), Enumerable.Range(1, 7).Select(i => TestBot.Entry($"Solar farm {i}", hoursAgo: i)).ToArray());

        var answer = await _bot.SendAsync("/search solar");

        Assert.Contains("7 results for solar", answer, StringComparison.Ordinal);
        Assert.Contains("[More ▶: /search solar page:2]", answer, StringComparison.Ordinal);
        Assert.Contains("#6 Solar farm 6", await _bot.SendAsync("/search solar page:2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_HundredKilobyteLine_IsRefusedPolitely()
    {
        var answer = await _bot.SendAsync("/search " + new string('a', 100_000));

        Assert.Contains("too long", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainTextInPrivateChat_IsASearch()
    {
        await _bot.IngestAsync(_bot.Source(), TestBot.Entry("Solar farm opens"));

        Assert.Contains("Solar farm opens", await _bot.SendAsync("solar"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainTextInGroup_IsIgnored()
    {
        Assert.Null(await _bot.SendAsync("hello everyone", ChatKind.Group, chat: "telegram:-100"));
    }

    [Fact]
    public async Task Read_ShowsTheCardWithSaveAndOpenButtons()
    {
        await _bot.IngestAsync(_bot.Source("Daily Wire"), TestBot.Entry("Robot arm", "It folds laundry.\nAnd cooks.", link: "https://wire.example/robot"));

        var reply = await _bot.ReplyToAsync("/read 1");
        var answer = await _bot.SendAsync("/read 1");

        Assert.Contains("#1 Robot arm", answer, StringComparison.Ordinal);
        Assert.Contains("It folds laundry.", answer, StringComparison.Ordinal);
        Assert.Contains("Link: https://wire.example/robot", answer, StringComparison.Ordinal);
        Assert.Contains(reply!.Buttons, b => b.Command == "/bookmark 1");
        Assert.Contains(reply.Buttons, b => b.Url == "https://wire.example/robot");
    }

    [Fact]
    public async Task CommandForAnotherBot_IsIgnored()
    {
        Assert.Null(await _bot.SendAsync("/latest@SomeOtherBot", ChatKind.Group, chat: "telegram:-100"));
    }

    [Fact]
    public async Task Help_ListsEveryCommand_AndExplainsOne()
    {
        var all = await _bot.SendAsync("/help");
        var one = await _bot.SendAsync("/help subscribe");

        foreach (var command in NewsBot.Core.Commands.CommandCatalog.All.Where(c => c.Audience != NewsBot.Core.Commands.CommandAudience.BotAdmins))
        {
            Assert.Contains(command.Usage(LanguageCatalog.Default.For(LanguageCatalog.EnglishCode)), all, StringComparison.Ordinal);
        }

        Assert.Contains("/subscribe science daily 08:00", one, StringComparison.Ordinal);
        Assert.Contains("There is no command /nope", await _bot.SendAsync("/help nope"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WelcomesAndShowsTheFirstCommands()
    {
        var answer = await _bot.SendAsync("/start");

        Assert.Contains("Welcome to NewsBot, Ada!", answer, StringComparison.Ordinal);
        Assert.Contains("/latest", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_ShowsEachSourceHealth()
    {
        var good = _bot.Source("Good Wire");
        var bad = _bot.Source("Bad Wire");
        var sources = _bot.Get<NewsBot.Core.Articles.ISourceStore>();
        await sources.SaveAsync(good with { LastAttemptAt = TestBot.Now.AddMinutes(-3), LastSuccessAt = TestBot.Now.AddMinutes(-3), ItemCount = 12, NextPollAt = TestBot.Now.AddMinutes(7) }, CancellationToken.None);
        await sources.SaveAsync(bad with { LastAttemptAt = TestBot.Now.AddMinutes(-1), LastError = "HTTP 404 Not Found", ConsecutiveFailures = 1, NextPollAt = TestBot.Now.AddMinutes(4) }, CancellationToken.None);

        var answer = await _bot.SendAsync("/sources", user: "terminal:local", chat: "terminal:local");
        var toEveryone = await _bot.SendAsync("/sources");

        Assert.Contains("1 of 2 healthy", answer, StringComparison.Ordinal);
        Assert.Contains("12 articles · ok, read 3 min ago, next check in 7 min", answer, StringComparison.Ordinal);
        Assert.Contains("failing: HTTP 404 Not Found (1 failure; never read, next check in 4 min)", answer, StringComparison.Ordinal);

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
        await _bot.IngestAsync(_bot.Source(), TestBot.Entry("Solar farm"));

        var answer = await _bot.SendAsync(command);

        Assert.False(string.IsNullOrWhiteSpace(answer));
        Assert.DoesNotContain("something went wrong", answer, StringComparison.OrdinalIgnoreCase);
    }
}
