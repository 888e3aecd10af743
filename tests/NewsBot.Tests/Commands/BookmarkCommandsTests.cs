namespace NewsBot.Tests.Commands;

public sealed class BookmarkCommandsTests : IAsyncLifetime, IDisposable
{
    private readonly TestBot _bot = new();

    public async Task InitializeAsync()
    {
        await _bot.IngestAsync(_bot.Source("Daily Wire"), Enumerable.Range(1, 8).Select(i => TestBot.Entry($"Story {i}", hoursAgo: i)).ToArray());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Bookmarks_None_SaysHowToSaveOne()
    {
        var reply = await _bot.ReplyToAsync("/bookmarks");
        var answer = await _bot.SendAsync("/bookmarks");

        Assert.Contains("You have no bookmarks yet", answer, StringComparison.Ordinal);
        Assert.Contains("/bookmark <number>", answer, StringComparison.Ordinal);
        Assert.True(reply!.IsPersonal);
    }

    [Fact]
    public async Task Bookmark_Twice_IsIdempotent()
    {
        var first = await _bot.SendAsync("/bookmark 3");
        var second = await _bot.SendAsync("/bookmark 3");

        Assert.Contains("Saved: Story 3", first, StringComparison.Ordinal);
        Assert.Contains("Already in your bookmarks: Story 3", second, StringComparison.Ordinal);
        Assert.Contains("Your bookmarks (1)", await _bot.SendAsync("/bookmarks"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bookmarks_ArePerUser()
    {
        await _bot.SendAsync("/bookmark 1", user: "telegram:1");
        await _bot.SendAsync("/bookmark 2", user: "discord:2", chat: "discord:9");

        var mine = await _bot.SendAsync("/bookmarks", user: "telegram:1");

        Assert.Contains("Story 1", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Story 2", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bookmarks_NewestSavedFirst_Paged()
    {
        foreach (var id in new[] { 1, 2, 3, 4, 5, 6, 7 })
        {
            await _bot.SendAsync($"/bookmark {id}");
            _bot.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await _bot.SendAsync("/bookmarks");
        var second = await _bot.SendAsync("/bookmarks 2");

        Assert.Contains("  #7 Story 7", first, StringComparison.Ordinal);
        Assert.Contains("saved 1 min ago", first, StringComparison.Ordinal);
        Assert.Contains("[More ▶: /bookmarks 2]", first, StringComparison.Ordinal);
        Assert.Contains("  #2 Story 2", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unbookmark_RemovesIt_AndSaysSoWhenItWasNotThere()
    {
        await _bot.SendAsync("/bookmark 4");

        var removed = await _bot.SendAsync("/unbookmark 4");
        var again = await _bot.SendAsync("/unbookmark 4");

        Assert.Contains("Removed article #4", removed, StringComparison.Ordinal);
        Assert.Contains("is not in your bookmarks", again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/bookmark", "needs an article number")]
    [InlineData("/bookmark x", "'x' is not an article number")]
    [InlineData("/bookmark 999", "There is no article #999 to save")]
    [InlineData("/unbookmark", "needs an article number")]
    [InlineData("/bookmarks -1", "Pages start at 1")]
    public async Task BadInput_SaysWhatToType(string command, string expected)
    {
        Assert.Contains(expected, await _bot.SendAsync(command), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_SavedArticle_ShowsTheSavedToggle()
    {
        await _bot.SendAsync("/bookmark 2");

        var reply = await _bot.ReplyToAsync("/read 2");

        Assert.Contains(reply!.Buttons, b => b.Command == "/unbookmark 2" && b.Label.Contains("Saved", StringComparison.Ordinal));
    }
}
