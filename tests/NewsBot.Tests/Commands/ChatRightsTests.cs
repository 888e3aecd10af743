namespace NewsBot.Tests.Commands;

/// <summary>Rights are checked once, by the router, from the catalog; the platform is asked only when it matters.</summary>
public sealed class ChatRightsTests : BotTest
{
    private const string Group = "telegram:-700";
    private int _asked;

    private Task<Reply?> AskAsync(string text, bool isAdmin) =>
        Bot.Get<CommandRouter>().HandleAsync(
            new IncomingMessage(ChatAddress.Parse(Group), ChatKind.Group, "Group", new UserAddress("telegram", "5"), "Ada", text, IsChatAdmin: false)
            {
                AskIsChatAdmin = _ =>
                {
                    Interlocked.Increment(ref _asked);
                    return ValueTask.FromResult(isAdmin);
                },
            },
            "NewsBot",
            CancellationToken.None).AsTask();

    [Theory]
    [InlineData("/latest")]
    [InlineData("/subscriptions")]
    [InlineData("/timezone")]
    [InlineData("/quiet")]
    public async Task ReadingOrShowing_InAGroup_NeverAsksWhoIsAdmin(string command)
    {
        var reply = await AskAsync(command, isAdmin: false);

        Assert.False(reply!.IsProblem);
        Assert.Equal(0, _asked);
    }

    [Theory]
    [InlineData("/subscribe technology", "subscriptions")]
    [InlineData("/unsubscribe all", "subscriptions")]
    [InlineData("/timezone Europe/Berlin", "time zone")]
    [InlineData("/quiet 22:00-07:00", "quiet hours")]
    [InlineData("/unsubscribe announcements", "subscriptions")]
    public async Task Changing_InAGroup_AsksOnce_AndAMemberIsRefusedWithWhatTheyMaySee(string command, string what)
    {
        var reply = await AskAsync(command, isAdmin: false);

        Assert.True(reply!.IsProblem);
        Assert.Contains($"Only this chat's admins can change its {what}", Flat.Text(NewsBot.Platforms.Terminal.TerminalRenderer.Render(reply, TestBot.Now)), StringComparison.Ordinal);
        Assert.Equal(1, _asked);
    }

    [Fact]
    public async Task Changing_InAGroup_ByAnAdmin_Works()
    {
        var reply = await AskAsync("/subscribe technology", isAdmin: true);

        Assert.False(reply!.IsProblem);
        Assert.Equal(1, _asked);
    }
}
