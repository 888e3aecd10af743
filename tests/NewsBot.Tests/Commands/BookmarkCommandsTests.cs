namespace NewsBot.Tests.Commands;

public sealed class BookmarkCommandsTests : BotTest, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await Bot.IngestAsync(Bot.Source("Daily Wire"), Enumerable.Range(1, 8).Select(i => TestBot.Entry($"Story {i}", hoursAgo: i)).ToArray());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Bookmarks_None_SaysHowToSaveOne()
    {
        var reply = await Bot.ReplyToAsync("/bookmarks");
        var answer = await Bot.SendAsync("/bookmarks");

        Assert.Contains("You have no bookmarks yet", answer, StringComparison.Ordinal);
        Assert.Contains("/bookmark <number>", answer, StringComparison.Ordinal);
        Assert.True(reply!.IsPersonal);
    }

    [Fact]
    public async Task Bookmark_Twice_IsIdempotent()
    {
        var first = await Bot.SendAsync("/bookmark 3");
        var second = await Bot.SendAsync("/bookmark 3");

        Assert.Contains("Saved: Story 3", first, StringComparison.Ordinal);
        Assert.Contains("Already in your bookmarks: Story 3", second, StringComparison.Ordinal);
        Assert.Contains("Your bookmarks (1)", await Bot.SendAsync("/bookmarks"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bookmarks_ArePerUser()
    {
        await Bot.SendAsync("/bookmark 1", user: "telegram:1");
        await Bot.SendAsync("/bookmark 2", user: "discord:2", chat: "discord:9");

        var mine = await Bot.SendAsync("/bookmarks", user: "telegram:1");

        Assert.Contains("Story 1", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Story 2", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bookmarks_NewestSavedFirst_Paged()
    {
        foreach (var id in new[] { 1, 2, 3, 4, 5, 6, 7 })
        {
            await Bot.SendAsync($"/bookmark {id}");
            Bot.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await Bot.SendAsync("/bookmarks");
        var second = await Bot.SendAsync("/bookmarks 2");

        Expect.ContainsAll(first, "  #7 Story 7", "saved 1 min ago", "[More ▶: /bookmarks 2]");
        Assert.Contains("  #2 Story 2", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unbookmark_RemovesIt_AndSaysSoWhenItWasNotThere()
    {
        await Bot.SendAsync("/bookmark 4");

        var removed = await Bot.SendAsync("/unbookmark 4");
        var again = await Bot.SendAsync("/unbookmark 4");

        Assert.Contains("Removed article #4", removed, StringComparison.Ordinal);
        Assert.Contains("is not in your bookmarks", again, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadInputs.Of), "Bookmarks", MemberType = typeof(BadInputs))]
    public async Task BadInput_SaysWhatToType(string command, string expected)
    {
        Assert.Contains(expected, await Bot.SendAsync(command), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_SavedArticle_ShowsTheSavedToggle()
    {
        await Bot.SendAsync("/bookmark 2");

        var reply = await Bot.ReplyToAsync("/read 2");

        Assert.Contains(reply!.Buttons, b => b.Command == "/unbookmark 2" && b.Label.Contains("Saved", StringComparison.Ordinal));
    }
}
