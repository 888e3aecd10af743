namespace NewsBot.Tests.PlatformNames.Terminal;

public sealed class TerminalChatTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Piped_AnswersEachLineInOrder_AndEndsAtEndOfInput()
    {
        await _bot.IngestAsync(_bot.Source("Daily Wire"), TestBot.Entry("Robot arm", hoursAgo: 2));
        var chat = new TerminalChat(_bot.Get<CommandRouter>(), _bot.Time, NullLogger<TerminalChat>.Instance);
        var output = new StringWriter();

        await chat.RunAsync(new StringReader("/latest\n\n/bookmark 1\n/bookmarks\n/nonsense\n"), output, interactive: false, CancellationToken.None);

        var transcript = output.ToString();
        Assert.Contains("> /latest", transcript, StringComparison.Ordinal);
        Assert.Contains("  #1 Robot arm", transcript, StringComparison.Ordinal);
        Assert.Contains("Saved: Robot arm", transcript, StringComparison.Ordinal);
        Assert.Contains("Your bookmarks (1)", transcript, StringComparison.Ordinal);
        Assert.Contains("I don't know /nonsense", transcript, StringComparison.Ordinal);
        Assert.True(transcript.IndexOf("Saved:", StringComparison.Ordinal) < transcript.IndexOf("Your bookmarks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interactive_ShowsAPrompt_AndQuitEnds()
    {
        var chat = new TerminalChat(_bot.Get<CommandRouter>(), _bot.Time, NullLogger<TerminalChat>.Instance);
        var output = new StringWriter();

        await chat.RunAsync(new StringReader("/quit\n/latest\n"), output, interactive: true, CancellationToken.None);

        Assert.Contains("> ", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Latest news", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TerminalOperator_CountsAsAdmin()
    {
        Assert.True(_bot.Get<AdminList>().IsAdmin(TerminalChat.Operator));
        Assert.False(_bot.Get<AdminList>().IsAdmin(new NewsBot.Core.Chats.UserAddress("telegram", "5")));
    }
}
