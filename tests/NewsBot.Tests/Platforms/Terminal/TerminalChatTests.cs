namespace NewsBot.Tests.PlatformNames.Terminal;

public sealed class TerminalChatTests : BotTest
{
    [Fact]
    public async Task Piped_AnswersEachLineInOrder_AndEndsAtEndOfInput()
    {
        await Bot.IngestAsync(Bot.Source("Daily Wire"), TestBot.Entry("Robot arm", hoursAgo: 2));
        var chat = new TerminalChat(Bot.Get<CommandRouter>(), Bot.Get<LanguageChoice>(), Bot.Time, NullLogger<TerminalChat>.Instance);
        var output = new StringWriter();

        await chat.RunAsync(new StringReader("/latest\n\n/bookmark 1\n/bookmarks\n/nonsense\n"), output, interactive: false, CancellationToken.None);

        var transcript = output.ToString();
        Expect.ContainsAll(transcript, "> /latest", "  #1 Robot arm", "Saved: Robot arm", "Your bookmarks (1)", "I don't know /nonsense");
        Assert.True(transcript.IndexOf("Saved:", StringComparison.Ordinal) < transcript.IndexOf("Your bookmarks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interactive_ShowsAPrompt_AndQuitEnds()
    {
        var chat = new TerminalChat(Bot.Get<CommandRouter>(), Bot.Get<LanguageChoice>(), Bot.Time, NullLogger<TerminalChat>.Instance);
        var output = new StringWriter();

        await chat.RunAsync(new StringReader("/quit\n/latest\n"), output, interactive: true, CancellationToken.None);

        Assert.Contains("> ", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Latest news", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TerminalOperator_CountsAsAdmin()
    {
        Assert.True(Bot.Get<AdminList>().IsAdmin(TerminalChat.Operator));
        Assert.False(Bot.Get<AdminList>().IsAdmin(new NewsBot.Core.Chats.UserAddress("telegram", "5")));
    }
}
