namespace NewsBot.Tests.Commands;

/// <summary>/feeds set, pause and resume: what admins change about a source added in chat, and what they cannot.</summary>
public sealed class FeedSettingsCommandTests() : BotTest(o => o.Admins = [Admin])
{
    private const string Admin = "telegram:42";

    [Fact]
    public async Task Set_ChangesNameTopicsIntervalAndFullText()
    {
        var source = await ChatSourceAsync();

        var named = await AsAdminAsync($"/feeds set {source.Id} name Harbour Weekly");
        var topics = await AsAdminAsync($"/feeds set {source.Id} topics Science sports");
        var interval = await AsAdminAsync($"/feeds set {source.Id} interval 1h30m");
        var fullText = await AsAdminAsync($"/feeds set {source.Id} fulltext off");
        var read = await StoredAsync(source);
        var list = await AsAdminAsync("/feeds list");

        Assert.Contains("is now called Harbour Weekly", named, StringComparison.Ordinal);
        Assert.Contains("its articles go into", topics, StringComparison.Ordinal);
        Assert.Contains("every 1 h 30 min", interval, StringComparison.Ordinal);
        Assert.Contains("its pages are not fetched", fullText, StringComparison.Ordinal);
        Assert.Equal("Harbour Weekly", read.Name);
        Assert.Equal(["science", "sports"], read.Topics);
        Assert.Equal(TimeSpan.FromMinutes(90), read.PollInterval);
        Assert.Equal(FullTextMode.Never, read.FullText);
        Assert.Contains("every 1 h 30 min", list, StringComparison.Ordinal);
        Assert.Contains("full text off", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_IntervalDefaultAndTopicsNone_ClearWhatWasSet()
    {
        var source = await ChatSourceAsync();
        await AsAdminAsync($"/feeds set {source.Id} interval 30m");
        await AsAdminAsync($"/feeds set {source.Id} topics science");

        var interval = await AsAdminAsync($"/feeds set {source.Id} interval default");
        await AsAdminAsync($"/feeds set {source.Id} topics none");
        await AsAdminAsync($"/feeds set {source.Id} fulltext on");
        var read = await StoredAsync(source);

        Assert.Contains("usual interval again (every 10 min)", interval, StringComparison.Ordinal);
        Assert.Null(read.PollInterval);
        Assert.Empty(read.Topics);
        Assert.Equal(FullTextMode.Auto, read.FullText);
    }

    [Fact]
    public async Task Set_AShorterInterval_BringsTheNextReadForward()
    {
        var source = await ChatSourceAsync();
        await Bot.Get<ISourceStore>().SaveAsync(source with { NextPollAt = TestBot.Now.AddHours(6) }, CancellationToken.None);

        await AsAdminAsync($"/feeds set {source.Id} interval 15m");

        Assert.Equal(TestBot.Now.AddMinutes(15), (await StoredAsync(source)).NextPollAt);
    }

    [Fact]
    public async Task PauseAndResume_StopAndRestartReading_AndSourcesShowsPaused()
    {
        var source = await ChatSourceAsync();

        var paused = await AsAdminAsync($"/feeds pause {source.Id}");
        var again = await AsAdminAsync($"/feeds pause #{source.Id}");
        var sources = await Flat.Of(Bot.SendAsync("/sources"));
        var claimed = await new UnsharedSourceClaims(Bot.Get<ISourceStore>()).ClaimDueAsync("solo", TestBot.Now.AddDays(1), 10, TimeSpan.FromMinutes(1), CancellationToken.None);
        var resumed = await AsAdminAsync($"/feeds resume {source.Id}");
        var notPaused = await AsAdminAsync($"/feeds resume {source.Id}");
        var read = await StoredAsync(source);

        Assert.Contains("not read until /feeds resume", paused, StringComparison.Ordinal);
        Assert.Contains("already paused", again, StringComparison.Ordinal);
        Assert.Contains("paused", sources, StringComparison.Ordinal);
        Assert.Empty(claimed);
        Assert.Contains("read again within a minute", resumed, StringComparison.Ordinal);
        Assert.Contains("is not paused", notPaused, StringComparison.Ordinal);
        Assert.False(read.Paused);
        Assert.Equal(TestBot.Now, read.NextPollAt);
    }

    [Theory]
    [InlineData("/feeds set 1 name Other")]
    [InlineData("/feeds set 1 interval 30m")]
    [InlineData("/feeds set 1 fulltext off")]
    [InlineData("/feeds pause 1")]
    [InlineData("/feeds resume 1")]
    public async Task Settings_OfAConfiguredSource_AreReadOnly(string command)
    {
        var configured = Bot.Source("Configured Wire");

        var answer = await AsAdminAsync(command.Replace(" 1", $" {configured.Id}", StringComparison.Ordinal));
        var read = (await Bot.Get<ISourceStore>().GetAsync(configured.Id, CancellationToken.None))!;

        Assert.Contains("settings are read-only here", answer, StringComparison.Ordinal);
        Assert.Equal("Configured Wire", read.Name);
        Assert.False(read.Paused);
        Assert.Null(read.PollInterval);
        Assert.Equal(FullTextMode.Auto, read.FullText);
    }

    [Theory]
    [MemberData(nameof(BadInputs.Of), "FeedSettings", MemberType = typeof(BadInputs))]
    public async Task Settings_BadInput_SaysWhatToDo_AndChangesNothing(string command, string expected)
    {
        var source = await ChatSourceAsync();

        var answer = await AsAdminAsync(command);
        var read = await StoredAsync(source);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
        Assert.Equal(source.Name, read.Name);
        Assert.Equal(source.Topics, read.Topics);
        Assert.Null(read.PollInterval);
        Assert.False(read.Paused);
        Assert.Equal(FullTextMode.Auto, read.FullText);
    }

    [Fact]
    public async Task Settings_FromSomeoneWhoIsNotAnAdmin_AreRefused()
    {
        var source = await ChatSourceAsync();

        var answer = await Bot.SendAsync($"/feeds pause {source.Id}", user: "telegram:7");

        Assert.Contains("for the bot's admins only", answer, StringComparison.Ordinal);
        Assert.False((await StoredAsync(source)).Paused);
    }

    private Task<string> AsAdminAsync(string command) => Flat.Of(Bot.SendAsync(command, user: Admin));

    /// <summary>The source as the store holds it now.</summary>
    private async Task<FeedSource> StoredAsync(FeedSource source) => (await Bot.Get<ISourceStore>().GetAsync(source.Id, CancellationToken.None))!;

    private async Task<FeedSource> ChatSourceAsync() =>
        await Bot.Get<ISourceStore>().EnsureAsync("Harbour Post", "https://harbour.example/feed", ["technology"], fromConfiguration: false, CancellationToken.None);
}
