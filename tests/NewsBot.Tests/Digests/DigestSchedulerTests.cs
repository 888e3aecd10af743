namespace NewsBot.Tests.Digests;

public sealed class DigestSchedulerTests : IDisposable
{
    private readonly DeliveryRig _rig = new();

    public void Dispose() => _rig.Dispose();

    private TestBot Bot => _rig.Bot;

    private async Task<int> RunDueAsync() => await Bot.Get<DigestScheduler>().RunDueAsync(CancellationToken.None);

    private void At(int month, int day, int hour, int minute = 0, int year = 2026) =>
        Bot.Time.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

    private static string Heading(Reply reply) => Assert.IsType<TextBlock>(reply.Blocks[0]).Text;

    private static string Text(Reply reply) => Flat.Text(NewsBot.Platforms.Terminal.TerminalRenderer.Render(reply, TestBot.Now));

    [Fact]
    public async Task Digest_GoesOutAtEightInTheChatsZone_WithTheNewMatches_AsOneMessage()
    {
        await Bot.SendAsync("/timezone Europe/Berlin");
        await Bot.SubscribeAsync("/subscribe technology daily 08:00");
        await _rig.NewsAsync("Robot opens a bakery", "Chip makers expand", "New software release");
        await _rig.NewsAsync("Marathon record in the league");

        At(11, 29, 6, 59); // 07:59 in Berlin
        Assert.Equal(0, await RunDueAsync());
        At(11, 29, 7); // 08:00 in Berlin
        Assert.Equal(1, await RunDueAsync());
        await _rig.DispatchAsync();

        var (chat, reply) = Assert.Single(_rig.Telegram.Attempts);
        Assert.Equal("telegram:1", chat.Key);
        Assert.Equal("Your daily digest: technology — 3 new", Heading(reply));
        Assert.Equal(3, Assert.IsType<ArticleListBlock>(reply.Blocks[1]).Items.Count);
        Assert.DoesNotContain("Marathon", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_WithNothingNew_SendsNothing()
    {
        await Bot.SubscribeAsync("/subscribe technology daily 08:00");
        await _rig.NewsAsync("Marathon record in the league");

        At(11, 29, 8);
        Assert.Equal(0, await RunDueAsync());
        await _rig.DispatchAsync();

        Assert.Empty(_rig.Telegram.Attempts);
    }

    [Fact]
    public async Task SecondDigest_HasOnlyWhatArrivedSinceTheFirst()
    {
        await Bot.SubscribeAsync("/subscribe technology daily 08:00");
        await _rig.NewsAsync("Robot opens a bakery");
        At(11, 29, 8);
        await RunDueAsync();
        await _rig.DispatchAsync();

        At(11, 29, 15);
        await _rig.NewsAsync("Chip makers expand");
        At(11, 30, 8);
        Assert.Equal(1, await RunDueAsync());
        await _rig.DispatchAsync();

        Assert.Equal(2, _rig.Telegram.Attempts.Count);
        var second = _rig.Telegram.Attempts[1].Reply;
        Assert.Equal("Your daily digest: technology — 1 new", Heading(second));
        Assert.Contains("Chip makers expand", Text(second), StringComparison.Ordinal);
        Assert.DoesNotContain("bakery", Text(second), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyMatches_ListTheTopFive_AndPointToTheRest()
    {
        await Bot.SubscribeAsync("/subscribe technology daily 08:00");
        await Bot.SubscribeAsync("/subscribe solar daily 08:00");
        await _rig.NewsAsync(Enumerable.Range(1, 17).Select(i => $"Robot number {i} ships").ToArray());
        await _rig.NewsAsync(Enumerable.Range(1, 7).Select(i => $"Solar farm {i} opens").ToArray());

        At(11, 29, 8);
        Assert.Equal(2, await RunDueAsync());
        await _rig.DispatchAsync();

        var texts = _rig.Telegram.Attempts.Select(a => Text(a.Reply)).ToList();
        var topic = Assert.Single(texts, t => t.Contains("technology — 17 new", StringComparison.Ordinal));
        Assert.Contains("and 12 more: /topic technology", topic, StringComparison.Ordinal);
        var words = Assert.Single(texts, t => t.Contains("solar — 7 new", StringComparison.Ordinal));
        Assert.Contains("and 2 more: /search solar", words, StringComparison.Ordinal);
        Assert.All(_rig.Telegram.Attempts, a => Assert.Equal(DigestScheduler.Listed, Assert.IsType<ArticleListBlock>(a.Reply.Blocks[1]).Items.Count));
    }

    [Fact]
    public async Task FirstDigest_LooksBackTwentyFourHoursAtMost()
    {
        await _rig.NewsAsync("Robot from the day before");
        At(11, 29, 13);
        await Bot.SubscribeAsync("/subscribe technology daily 13:30");
        await _rig.NewsAsync("Robot of the day");

        At(11, 29, 13, 30);
        Assert.Equal(1, await RunDueAsync());
        await _rig.DispatchAsync();

        var text = Text(Assert.Single(_rig.Telegram.Attempts).Reply);
        Assert.Contains("Robot of the day", text, StringComparison.Ordinal);
        Assert.DoesNotContain("day before", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backlog_IsNotInADigest()
    {
        await Bot.SubscribeAsync("/subscribe technology daily 08:00");
        await Bot.Get<ArticleIngestor>().IngestAsync(_rig.Wire, [_rig.Entry("Robot in a new source's backlog")], new IngestOptions(FirstFetch: true, TimeSpan.FromDays(2)), CancellationToken.None);

        At(11, 29, 8);

        Assert.Equal(0, await RunDueAsync());
    }

    [Fact]
    public async Task RunningTwice_OrAfterARestart_QueuesTheDigestOnce()
    {
        await Bot.SubscribeAsync("/subscribe technology daily 08:00");
        await _rig.NewsAsync("Robot opens a bakery");
        At(11, 29, 8);

        Assert.Equal(1, await RunDueAsync());
        Assert.Equal(0, await RunDueAsync());
        Assert.Equal(0, await (await NewSchedulerAsync()).RunDueAsync(CancellationToken.None));
        await _rig.DispatchAsync();

        Assert.Single(_rig.Telegram.Attempts);
    }

    [Fact]
    public async Task CursorLostAfterTheEntryWasWritten_StillSendsTheDigestOnce()
    {
        await Bot.SubscribeAsync("/subscribe technology daily 08:00");
        await _rig.NewsAsync("Robot opens a bakery");
        At(11, 29, 8);
        await RunDueAsync();

        // As if the process died between writing the outbox entry and moving the cursor.
        Bot.Get<NewsBot.Storage.NewsBotDatabase>().DigestCursors.DeleteAll();
        Assert.Equal(0, await (await NewSchedulerAsync()).RunDueAsync(CancellationToken.None));
        await _rig.DispatchAsync();

        Assert.Single(_rig.Telegram.Attempts);
    }

    [Fact]
    public async Task MissedWhileDown_IsSentAtStartTheSameLocalDay()
    {
        await Bot.SendAsync("/timezone Europe/Berlin");
        await Bot.SubscribeAsync("/subscribe technology daily 08:00");
        At(11, 29, 6);
        await _rig.NewsAsync("Robot opens a bakery");

        At(11, 29, 16); // 17:00 in Berlin: the bot was down at 08:00
        Assert.Equal(1, await (await NewSchedulerAsync()).RunDueAsync(CancellationToken.None));
        await _rig.DispatchAsync();

        Assert.Single(_rig.Telegram.Attempts);
    }

    [Fact]
    public async Task MissedOnADayThatIsOver_WaitsForTodaysTime_ThenCarriesEverythingNew()
    {
        await Bot.SubscribeAsync("/subscribe technology daily 08:00");
        await _rig.NewsAsync("Robot opens a bakery");
        At(11, 29, 8);
        await RunDueAsync();
        await _rig.DispatchAsync();

        At(11, 29, 20);
        await _rig.NewsAsync("Chip makers expand");
        At(12, 1, 7); // down all through the 30th; 07:00 on the 1st
        Assert.Equal(0, await (await NewSchedulerAsync()).RunDueAsync(CancellationToken.None));
        At(12, 1, 8);
        Assert.Equal(1, await RunDueAsync());
        await _rig.DispatchAsync();

        Assert.Equal(2, _rig.Telegram.Attempts.Count);
        Assert.Contains("Chip makers expand", Text(_rig.Telegram.Attempts[1].Reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpringForwardInBerlin_HalfPastTwoDigestGoesOutAtThree()
    {
        await Bot.SendAsync("/timezone Europe/Berlin");
        await Bot.SubscribeAsync("/subscribe technology daily 02:30");

        // 28 March 2027: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
        At(3, 27, 20, year: 2027);
        await RunDueAsync();
        await _rig.NewsAsync("Robot opens a bakery");
        At(3, 28, 0, 59, year: 2027);
        Assert.Equal(0, await RunDueAsync());
        At(3, 28, 1, year: 2027);
        Assert.Equal(1, await RunDueAsync());
    }

    [Fact]
    public async Task FallBackInNewYork_RepeatedHourSendsOneDigest()
    {
        await Bot.SendAsync("/timezone America/New_York");
        await Bot.SubscribeAsync("/subscribe technology daily 01:30");

        // 7 November 2027: 02:00 EDT falls back to 01:00 EST at 06:00 UTC; 01:30 comes at 05:30 and 06:30 UTC.
        At(11, 6, 20, year: 2027);
        await RunDueAsync();
        await _rig.NewsAsync("Robot opens a bakery");
        At(11, 7, 5, 30, year: 2027);
        Assert.Equal(1, await RunDueAsync());
        await _rig.NewsAsync("Chip makers expand");
        At(11, 7, 6, 30, year: 2027);
        Assert.Equal(0, await RunDueAsync());
        At(11, 8, 6, 30, year: 2027);
        Assert.Equal(1, await RunDueAsync());
    }

    [Fact]
    public async Task ChangingTheTimeZone_MovesTheNextDigest()
    {
        await Bot.SubscribeAsync("/subscribe technology daily 08:00");
        await _rig.NewsAsync("Robot opens a bakery");
        At(11, 28, 13);
        await RunDueAsync(); // nothing due; the next check is put off until 08:00 UTC tomorrow

        await Bot.SendAsync("/timezone Asia/Tokyo");
        At(11, 28, 23); // 08:00 in Tokyo on the 29th

        Assert.Equal(1, await RunDueAsync());
    }

    [Fact]
    public async Task StoppedBeforeItWasSent_TheDigestIsDropped()
    {
        await Bot.SubscribeAsync("/subscribe technology daily 08:00");
        await _rig.NewsAsync("Robot opens a bakery");
        At(11, 29, 8);
        await RunDueAsync();

        await Bot.SendAsync("/unsubscribe 1");
        await _rig.DispatchAsync();

        Assert.Empty(_rig.Telegram.Attempts);
    }

    [Fact]
    public async Task InactiveChat_GetsNoDigest()
    {
        await Bot.SubscribeAsync("/subscribe technology daily 08:00");
        await _rig.NewsAsync("Robot opens a bakery");
        await Bot.Get<ChatLifecycle>().DeactivateAsync(ChatAddress.Parse("telegram:1"), "blocked by the user", CancellationToken.None);

        At(11, 29, 8);

        Assert.Equal(0, await RunDueAsync());
    }

    [Fact]
    public async Task SubscribingDaily_SaysWhenTheFirstDigestComes()
    {
        await Bot.SendAsync("/timezone Europe/Berlin");

        var answer = await Flat.Of(Bot.SubscribeAsync("/subscribe technology daily 08:00"));

        Assert.Contains("The first digest comes tomorrow at 08:00 Europe/Berlin (in 19 h)", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatOnAPlatformWithoutPushes_GetsNoDigest()
    {
        await Bot.SubscribeAsync("/subscribe technology daily 08:00", user: "terminal:local", chat: "terminal:local");
        await _rig.NewsAsync("Robot opens a bakery");

        At(11, 29, 8);

        Assert.Equal(0, await RunDueAsync());
        Assert.Equal(0, await _rig.Outbox.CountPendingAsync(CancellationToken.None));
    }

    /// <summary>A scheduler as a restarted bot has it: its schedule rebuilt from the stored subscriptions.</summary>
    private async Task<DigestScheduler> NewSchedulerAsync() => new(
        await RebuiltAsync(),
        Bot.Get<ChatLifecycle>(),
        Bot.Get<IDigestCursorStore>(),
        Bot.Get<IArticleHistory>(),
        Bot.Get<NewsBot.Core.Subscriptions.SubscriptionMatcher>(),
        _rig.Outbox,
        [_rig.Telegram],
        Bot.Time,
        Microsoft.Extensions.Logging.Abstractions.NullLogger<DigestScheduler>.Instance);

    private async Task<DigestSchedule> RebuiltAsync()
    {
        var schedule = new DigestSchedule();
        schedule.Reload(await Bot.Get<NewsBot.Core.Subscriptions.ISubscriptionStore>().AllAsync(CancellationToken.None).ToListAsync());
        return schedule;
    }
}
