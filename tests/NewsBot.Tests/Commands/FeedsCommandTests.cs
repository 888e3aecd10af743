namespace NewsBot.Tests.Commands;

public sealed class FeedsCommandTests() : BotTest(o => o.Admins = [Admin])
{
    private const string Admin = "telegram:42";

    [Fact]
    public async Task Feeds_FromSomeoneWhoIsNotAnAdmin_IsRefused()
    {
        var answer = await Bot.SendAsync("/feeds add https://wire.example/feed", user: "telegram:7");

        Assert.Contains("for the bot's admins only", answer, StringComparison.Ordinal);
        Assert.Empty(Bot.Probe.Probed);
    }

    [Fact]
    public async Task FeedsAdd_AFeed_AddsItWithTopics()
    {
        Bot.Probe.Results["https://wire.example/feed"] = new FeedProbeResult("https://wire.example/feed", "The Wire", 12, null, false);

        var answer = await Bot.SendAsync("/feeds add https://wire.example/feed Technology science", user: Admin);

        var source = Assert.Single((await Bot.Get<ISourceStore>().AllAsync(CancellationToken.None)));
        Assert.Equal("The Wire", source.Name);
        Assert.Equal(["technology", "science"], source.Topics);
        Assert.False(source.FromConfiguration);
        Assert.Null(source.NextPollAt);
        Assert.Contains("Added source #1, The Wire: 12 items", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedsAdd_AWebPage_AddsTheFeedItLinksTo()
    {
        Bot.Probe.Results["https://wire.example/"] = new FeedProbeResult("https://wire.example/rss.xml", "The Wire", 3, null, true);

        var answer = await Bot.SendAsync("/feeds add https://wire.example/", user: Admin);

        Assert.Equal("https://wire.example/rss.xml", Assert.Single((await Bot.Get<ISourceStore>().AllAsync(CancellationToken.None))).Url);
        Assert.Contains("found through the page's link", answer, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadInputs.Of), "Feeds", MemberType = typeof(BadInputs))]
    public async Task Feeds_BadInput_SaysWhatToDo(string command, string expected)
    {
        Assert.Contains(expected, await Bot.SendAsync(command, user: Admin), StringComparison.Ordinal);
        Assert.Empty((await Bot.Get<ISourceStore>().AllAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task FeedsAdd_KnownFeed_SaysItIsThereAlready()
    {
        var existing = await Bot.Get<ISourceStore>().EnsureAsync("The Wire", "https://wire.example/feed", [], fromConfiguration: false, CancellationToken.None);

        var answer = await Bot.SendAsync("/feeds add https://wire.example/feed", user: Admin);

        Assert.Contains($"already source #{existing.Id}", answer, StringComparison.Ordinal);
        Assert.Empty(Bot.Probe.Probed);
    }

    [Fact]
    public async Task FeedsRemove_ChatAddedSource_IsRemoved_ConfiguredOneIsNot()
    {
        var store = Bot.Get<ISourceStore>();
        var added = await store.EnsureAsync("Added", "https://added.example/feed", [], fromConfiguration: false, CancellationToken.None);
        var configured = await store.EnsureAsync("Configured", "https://configured.example/feed", [], fromConfiguration: true, CancellationToken.None);

        var removed = await Bot.SendAsync($"/feeds remove {added.Id}", user: Admin);
        var refused = await Bot.SendAsync($"/feeds remove {configured.Id}", user: Admin);

        Assert.Contains("Removed source", removed, StringComparison.Ordinal);
        Assert.Contains("listed in configuration", refused, StringComparison.Ordinal);
        Assert.Equal([configured.Id], (await store.AllAsync(CancellationToken.None)).Select(s => s.Id));
    }

    [Fact]
    public async Task FeedsList_ShowsIdsUrlsAndHealth()
    {
        var store = Bot.Get<ISourceStore>();
        var source = await store.EnsureAsync("The Wire", "https://wire.example/feed", [], fromConfiguration: false, CancellationToken.None);
        await store.SaveAsync(source with { LastAttemptAt = TestBot.Now, LastError = "HTTP 500 Internal Server Error", ConsecutiveFailures = 2 }, CancellationToken.None);

        var answer = await Bot.SendAsync("/feeds list", user: Admin);

        Expect.ContainsAll(answer, "#1 The Wire", "https://wire.example/feed", "failing: HTTP 500 Internal Server Error (2 failures in a row");
    }

    [Fact]
    public async Task Help_ShowsAdminCommandsOnlyToAdmins()
    {
        Assert.Contains("/feeds", await Bot.SendAsync("/help", user: Admin), StringComparison.Ordinal);
        Assert.DoesNotContain("/feeds", await Bot.SendAsync("/help", user: "telegram:7"), StringComparison.Ordinal);
    }
}
