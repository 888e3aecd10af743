namespace NewsBot.Tests.Delivery;

/// <summary>A dispatch round stopped midway: what is on its way finishes and is recorded; the rest stays due.</summary>
public sealed class GracefulStopTests : IDisposable
{
    private readonly DeliveryRig _rig = new();

    public void Dispose() => _rig.Dispose();

    /// <summary>Moves the fake clock on while the pacer spaces the first send, until it has started.</summary>
    private async Task PumpUntilAsync(Task started)
    {
        for (var i = 0; i < 3000 && !started.IsCompleted; i++)
        {
            _rig.Bot.Time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(1);
        }

        await started.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Stopping_WhileASendIsOnItsWay_LetsItFinishAndKeepsTheRestDue()
    {
        await EnqueueAsync("telegram:1", "telegram:2", "telegram:3");
        var sender = new GatedSender();
        using var stopping = new CancellationTokenSource();

        var round = _rig.Bot.Get<DeliveryDispatcher>().DispatchRoundAsync(sender, stopping.Token, CancellationToken.None);
        await PumpUntilAsync(sender.Started.Task);
        await stopping.CancelAsync();
        sender.Release.SetResult();
        var result = await round.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, result.Sent);
        Assert.False(result.Full);
        Assert.Equal(["telegram:1"], sender.Attempts);
        Assert.Equal(OutboxState.Sent, (await EntryAsync("telegram:1")).State);
        Assert.Equal(OutboxState.Pending, (await EntryAsync("telegram:2")).State);
        Assert.Equal(0, (await EntryAsync("telegram:2")).Attempts);
        Assert.Equal(2, await _rig.Outbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Aborting_ASendOnItsWay_LeavesItDueWithoutCountingAnAttempt()
    {
        await EnqueueAsync("telegram:1");
        var sender = new GatedSender();
        using var stopping = new CancellationTokenSource();
        using var abort = new CancellationTokenSource();

        var round = _rig.Bot.Get<DeliveryDispatcher>().DispatchRoundAsync(sender, stopping.Token, abort.Token);
        await PumpUntilAsync(sender.Started.Task);
        await stopping.CancelAsync();
        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => round.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(OutboxState.Pending, (await EntryAsync("telegram:1")).State);
        Assert.Equal(0, (await EntryAsync("telegram:1")).Attempts);
    }

    private async Task EnqueueAsync(params string[] chats)
    {
        var article = (await _rig.NewsAsync("Harbour bridge reopens after repairs")).Single();
        var now = _rig.Bot.Time.GetUtcNow();
        await _rig.Outbox.EnqueueAsync(chats.Select(chat => OutboxEntry.ForStories(chat, OutboxKeys.Stories(chat, article.Id), [article.StoryLeadId], [article.Id], now, now)).ToList(), CancellationToken.None);
    }

    private async Task<OutboxEntry> EntryAsync(string chat) =>
        (await _rig.Outbox.FindAsync(chat, (await _rig.Bot.Get<NewsBot.Core.Articles.IArticleStore>().GetAsync(1, CancellationToken.None))!.StoryLeadId, CancellationToken.None))!;

    /// <summary>The first send waits until released; one send at a time, in order.</summary>
    private sealed class GatedSender : IChatSender
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Attempts { get; } = [];

        public string Platform => NewsBot.Core.Chats.PlatformNames.Telegram;

        public async Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken)
        {
            lock (Attempts)
            {
                Attempts.Add(chat.Key);
            }

            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return new SendOutcome.Sent();
        }
    }
}
