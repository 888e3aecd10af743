namespace NewsBot.Tests.Commands;

public sealed class QuietCommandTests : IDisposable
{
    private const string Group = "telegram:-1001";
    private readonly DeliveryRig _rig = new();

    public void Dispose() => _rig.Dispose();

    private TestBot Bot => _rig.Bot;

    private ChatRecord Chat(string key = "telegram:1") => Bot.Get<ChatLifecycle>().Find(ChatAddress.Parse(key))!;

    [Fact]
    public async Task Quiet_None_SaysHowToSetIt_InTheChatsZone()
    {
        await Flat.Of(Bot.SendAsync("/timezone Europe/Berlin"));

        var answer = await Flat.Of(Bot.SendAsync("/quiet"));

        Assert.Contains("no quiet hours", answer, StringComparison.Ordinal);
        Assert.Contains("times in Europe/Berlin", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_SetAcrossMidnight_IsStoredAndShown()
    {
        await Flat.Of(Bot.SendAsync("/timezone Europe/Berlin"));

        var set = await Flat.Of(Bot.SendAsync("/quiet 22:00-07:00"));
        var shown = await Flat.Of(Bot.SendAsync("/quiet"));

        Assert.Equal(new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)), Chat().Quiet);
        Assert.Contains("Quiet hours set: 22:00-07:00 in Europe/Berlin", set, StringComparison.Ordinal);
        Assert.Contains("Quiet hours: 22:00-07:00 in Europe/Berlin", shown, StringComparison.Ordinal);
        Assert.Contains("It is 13:00 there, outside the window", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_SetWhileInsideTheWindow_SaysUntilWhen()
    {
        var answer = await Flat.Of(Bot.SendAsync("/quiet 11:00-14:30"));

        Assert.Contains("It is quiet now; pushes wait until 14:30.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_Off_RemovesTheWindow()
    {
        await Flat.Of(Bot.SendAsync("/quiet 22:00-07:00"));

        Assert.Contains("Quiet hours are off", await Flat.Of(Bot.SendAsync("/quiet off")), StringComparison.Ordinal);
        Assert.Null(Chat().Quiet);
        Assert.Contains("has no quiet hours", await Flat.Of(Bot.SendAsync("/quiet off")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/quiet 22:00")]
    [InlineData("/quiet 25:00-07:00")]
    [InlineData("/quiet 07:00-07:00")]
    [InlineData("/quiet tonight")]
    public async Task Quiet_BadWindow_SaysWhatToType_AndKeepsTheOldOne(string command)
    {
        await Flat.Of(Bot.SendAsync("/quiet 22:00-07:00"));

        var answer = await Flat.Of(Bot.SendAsync(command));

        Assert.Contains("is not a quiet window", answer, StringComparison.Ordinal);
        Assert.Equal("22:00-07:00", Chat().Quiet!.ToString());
    }

    [Fact]
    public async Task Quiet_InGroupByNonAdmin_CanBeReadButNotChanged()
    {
        await Flat.Of(Bot.SendAsync("/quiet 23:00-06:00", ChatKind.Group, isChatAdmin: true, chat: Group));

        Assert.Contains("Only this chat's admins", await Flat.Of(Bot.SendAsync("/quiet off", ChatKind.Group, isChatAdmin: false, chat: Group)), StringComparison.Ordinal);
        Assert.Contains("23:00-06:00", await Flat.Of(Bot.SendAsync("/quiet", ChatKind.Group, isChatAdmin: false, chat: Group)), StringComparison.Ordinal);
        Assert.NotNull(Chat(Group).Quiet);
    }

    [Fact]
    public async Task Quiet_IsInHelp()
    {
        Assert.Contains("/quiet", await Flat.Of(Bot.SendAsync("/help")), StringComparison.Ordinal);
        Assert.Contains("/quiet 22:00-07:00", await Flat.Of(Bot.SendAsync("/help quiet")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushDuringQuietHoursAcrossMidnight_IsHeldUntilTheWindowEnds()
    {
        await Flat.Of(Bot.SendAsync("/timezone Europe/Berlin"));
        await Flat.Of(Bot.SendAsync("/quiet 22:00-07:00"));
        await Flat.Of(Bot.SubscribeAsync("/subscribe technology"));

        Bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 22, 30, 0, TimeSpan.Zero)); // 23:30 in Berlin
        await _rig.NewsAsync("Robot opens a bakery");
        await _rig.DispatchAsync();
        Assert.Empty(_rig.Telegram.Attempts);

        Bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 5, 59, 0, TimeSpan.Zero)); // 06:59
        await _rig.DispatchAsync();
        Assert.Empty(_rig.Telegram.Attempts);

        Bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero)); // 07:00
        await _rig.DispatchAsync();
        Assert.Single(_rig.Telegram.Attempts);
    }

    [Fact]
    public async Task DigestDuringQuietHours_IsNotHeld()
    {
        await Flat.Of(Bot.SendAsync("/quiet 06:00-09:00"));
        await Flat.Of(Bot.SubscribeAsync("/subscribe technology daily 08:00"));
        await _rig.NewsAsync("Robot opens a bakery");

        Bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
        await Bot.Get<NewsBot.Core.Digests.DigestScheduler>().RunDueAsync(CancellationToken.None);
        await _rig.DispatchAsync();

        Assert.Single(_rig.Telegram.Attempts);
    }
}
