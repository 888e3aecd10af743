using static NewsBot.Tests.Delivery.DefaultPacing;

namespace NewsBot.Tests.Delivery;

/// <summary>No burst after a start or a slow moment: actual sends never exceed the platform's rate.</summary>
public sealed class StartPacingTests
{
    [Fact]
    public void TryStart_FirstSendAfterAStart_WaitsOneSlot_ForWhatThePreviousOwnerSent()
    {
        var pacer = new Pacer(TelegramLimits, startedAt: Now);

        var retryAt = pacer.TryStart(Now);

        Assert.NotNull(retryAt);
        Assert.InRange((retryAt.Value - Now).TotalMilliseconds, 33.3, 33.4);
        Assert.Null(pacer.TryStart(retryAt.Value));
    }

    [Fact]
    public void TryStart_ManySendsReadyAtOnce_GoOutOneSlotApart()
    {
        var pacer = new Pacer(TelegramLimits, startedAt: Now);

        // Sixty sends all late, all ready at the same moment: the pacer spreads them.
        var starts = Enumerable.Range(0, 60).Select(_ => StartWhenAllowed(pacer, Now.AddSeconds(1))).ToList();

        for (var i = 1; i < starts.Count; i++)
        {
            Assert.True(starts[i] - starts[i - 1] >= TimeSpan.FromSeconds(1.0 / 30), $"send {i} went {(starts[i] - starts[i - 1]).TotalMilliseconds} ms after the one before");
        }
    }

    [Fact]
    public void TryStart_ASendThatStartedLate_PushesTheNextOneBack_FromWhenItReallyStarted()
    {
        var pacer = new Pacer(TelegramLimits, startedAt: Now);
        var allowed = pacer.TryStart(Now)!.Value;

        // The first send woke 25 ms after its time (a busy machine): the next keeps a whole slot from when it really started.
        var late = allowed.AddMilliseconds(25);
        Assert.Null(pacer.TryStart(late));
        var next = pacer.TryStart(allowed.AddMilliseconds(34));

        Assert.NotNull(next);
        Assert.True(next.Value - late >= TimeSpan.FromSeconds(1.0 / 30), $"the next send may start {(next.Value - late).TotalMilliseconds} ms after the late one");
    }

    /// <summary>The moment a send ready at <paramref name="ready"/> starts, trying again whenever the pacer says.</summary>
    private static DateTimeOffset StartWhenAllowed(Pacer pacer, DateTimeOffset ready)
    {
        var at = ready;
        while (pacer.TryStart(at) is { } retry)
        {
            at = retry;
        }

        return at;
    }

    [Fact]
    public async Task Dispatch_AfterASlowFirstSend_NeverSendsMoreThanThePlatformRateInAnySecond()
    {
        var clock = new FakeTimeProvider(Now);
        var sender = new TimedSender(clock, slowFirst: TimeSpan.FromMilliseconds(700));
        using var bot = new TestBot(services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<IChatSender>(sender);
            s.Configure<DeliveryOptions>(o => o.MaxConcurrentSends = 1);
        });
        var wire = bot.Source("Wire");
        for (var chat = 1; chat <= 60; chat++)
        {
            await bot.SubscribeAsync("/subscribe technology", user: $"telegram:{chat}", chat: $"telegram:{chat}");
        }

        await bot.IngestAsync(wire, new FeedEntry(null, "Robot arm learns to fold laundry", "https://news.example/robot", clock.GetUtcNow().AddMinutes(-5), null, null, "", [], null));
        var round = bot.Get<DeliveryDispatcher>().DispatchRoundAsync(sender, CancellationToken.None, CancellationToken.None);
        for (var i = 0; i < 4000 && !round.IsCompleted; i++)
        {
            await Task.Delay(1);
            clock.Advance(TimeSpan.FromMilliseconds(5));
        }

        Assert.Equal(60, (await round.WaitAsync(TimeSpan.FromSeconds(10))).Sent);
        var starts = sender.Starts;
        for (var i = 0; i < starts.Count; i++)
        {
            var inOneSecond = starts.Count(t => t >= starts[i] && t < starts[i] + TimeSpan.FromSeconds(1));
            Assert.True(inOneSecond <= 30, $"{inOneSecond} sends in the second from send {i}");
        }
    }

    /// <summary>Records when each send started on the fake clock; the first one takes a while.</summary>
    private sealed class TimedSender(TimeProvider clock, TimeSpan slowFirst) : IChatSender
    {
        private readonly Lock _gate = new();
        private readonly List<DateTimeOffset> _starts = [];

        public string Platform => Core.Chats.PlatformNames.Telegram;

        public IReadOnlyList<DateTimeOffset> Starts
        {
            get
            {
                lock (_gate)
                {
                    return [.. _starts];
                }
            }
        }

        public async Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken)
        {
            bool first;
            lock (_gate)
            {
                first = _starts.Count == 0;
                _starts.Add(clock.GetUtcNow());
            }

            if (first)
            {
                await Task.Delay(slowFirst, clock, cancellationToken);
            }

            return new SendOutcome.Sent();
        }
    }
}
