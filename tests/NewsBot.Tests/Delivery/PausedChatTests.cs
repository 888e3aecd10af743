namespace NewsBot.Tests.Delivery;

/// <summary>A chat that takes no messages for now (an archived, locked thread): its queue waits, its managers are told once, and it goes on by itself.</summary>
public sealed class PausedChatTests : WireBotTest
{
    private const string Thread = "discord:520000000000000520";
    private readonly ScriptedSender _discord = new("discord");

    private ChatLifecycle Chats => Bot.Get<ChatLifecycle>();

    [Fact]
    public async Task APausedChat_KeepsItsQueue_TellsItsManagersOnce_AndIsNotTriedAgainUntilItsTime()
    {
        await Bot.SubscribeAsync("/subscribe technology", ChatKind.GuildChannel, user: "discord:600", chat: Thread);
        _discord.Always(Thread, new SendOutcome.ChatPaused("the thread is archived and locked"));

        await Bot.IngestAsync(Wire, TestBot.Entry("Robot chef opens a kitchen"));
        await Bot.DispatchAsync(_discord);
        await Bot.IngestAsync(Wire, TestBot.Entry("Chip plant breaks ground"));
        await Bot.DispatchAsync(_discord);
        await Bot.DispatchAsync(_discord);

        Assert.Single(_discord.Attempts, a => a.Chat.Key == Thread);
        var chat = Chats.Find(ChatAddress.Parse(Thread))!;
        Assert.Equal("the thread is archived and locked", chat.Pause!.Reason);
        Assert.True(chat.Active);
        var waiting = (await PendingAsync()).Where(e => e.ChatKey == Thread).ToList();
        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, e => Assert.StartsWith("waiting: ", Shown.InEnglish(e.LastError), StringComparison.Ordinal));
        Assert.All(waiting, e => Assert.Equal(0, e.Attempts));
        Assert.Contains("cannot post in", Assert.Single(Bot.Admins.Notices).Message, StringComparison.Ordinal);
        var (_, told) = Assert.Single(_discord.Delivered, a => a.Chat.Key == "discord:dm:600");
        Assert.Contains("Test group", TerminalRenderer.Render(told, TestBot.Now), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APausedChat_IsTriedAgainLater_AndTheFirstMessageThatGoesThroughEndsThePause()
    {
        await AStoryFindsTheThreadPausedOnceAsync();

        Bot.Time.Advance(PausedChats.FirstTry + TimeSpan.FromMinutes(1));
        await Bot.DispatchAsync(_discord);

        Assert.Equal(2, _discord.Attempts.Count(a => a.Chat.Key == Thread));
        Assert.Single(_discord.Delivered, a => a.Chat.Key == Thread);
        Assert.Null(Chats.Find(ChatAddress.Parse(Thread))!.Pause);
    }

    [Fact]
    public async Task AReleasedChat_IsSentAtOnce()
    {
        await AStoryFindsTheThreadPausedOnceAsync();

        await Chats.ResumeAsync(ChatAddress.Parse(Thread), CancellationToken.None);
        await Outbox.ReleasePendingAsync(Thread, Bot.Time.GetUtcNow(), CancellationToken.None);
        await Bot.DispatchAsync(_discord);

        Assert.Single(_discord.Delivered, a => a.Chat.Key == Thread);
    }

    /// <summary>The thread subscribes, and Discord refuses the first story sent there as the thread is locked.</summary>
    private async Task AStoryFindsTheThreadPausedOnceAsync()
    {
        await Bot.SubscribeAsync("/subscribe technology", ChatKind.GuildChannel, user: "discord:600", chat: Thread);
        _discord.Then(new SendOutcome.ChatPaused("the thread is archived and locked"));
        await Bot.IngestAsync(Wire, TestBot.Entry("Robot chef opens a kitchen"));
        await Bot.DispatchAsync(_discord);
    }

    private async Task<IReadOnlyList<OutboxEntry>> PendingAsync() =>
        await Outbox.DueAsync("discord", Bot.Time.GetUtcNow().AddDays(1), 100, CancellationToken.None);
}
