namespace NewsBot.Tests.Commands;

public sealed class CommandRateLimitTests() : BotTest(Limits)
{
    private static void Limits(NewsBotOptions o)
    {
        o.CommandBurst = 3;
        o.CommandsPerMinute = 6;
        o.Admins = ["telegram:99"];
    }

    [Fact]
    public async Task APersonOverTheLimit_IsToldOnceToSlowDown_ThenIgnored_UntilTheBucketRefills()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("/latest", await Bot.SendAsync("/help"), StringComparison.Ordinal);
        }

        Assert.Contains("faster than I can answer", await Bot.SendAsync("/help"), StringComparison.Ordinal);
        Assert.Null(await Bot.SendAsync("/help"));
        Assert.Null(await Bot.SendAsync("/latest"));

        // Six a minute: one more command every ten seconds.
        Bot.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Contains("/latest", await Bot.SendAsync("/help"), StringComparison.Ordinal);
        Assert.Contains("faster than I can answer", await Bot.SendAsync("/help"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLimit_IsPerPerson_NotPerChat()
    {
        for (var i = 0; i < 4; i++)
        {
            await Bot.SendAsync("/help", Core.Chats.ChatKind.Group, user: "telegram:1", chat: "telegram:-500");
        }

        Assert.Null(await Bot.SendAsync("/help", Core.Chats.ChatKind.Group, user: "telegram:1", chat: "telegram:-500"));
        Assert.Contains("/latest", await Bot.SendAsync("/help", Core.Chats.ChatKind.Group, user: "telegram:2", chat: "telegram:-500"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotAdminsAndTheTerminal_AreNotLimited()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull(await Bot.SendAsync("/help", user: "telegram:99", chat: "telegram:99"));
            Assert.NotNull(await Bot.SendAsync("/help", user: "terminal:local", chat: "terminal:local"));
        }
    }

    [Fact]
    public async Task MessagesNotForTheBot_DoNotCount()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(await Bot.SendAsync("just chatting", Core.Chats.ChatKind.Group, chat: "telegram:-500"));
        }

        Assert.Contains("/latest", await Bot.SendAsync("/help"), StringComparison.Ordinal);
    }
}
