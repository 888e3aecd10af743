using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsBot.Tests.Feeds;

namespace NewsBot.Tests.Delivery;

/// <summary>
/// Pushes through the whole bot: the real host, planner, dispatcher and TelegramChatSender with
/// the real TelegramBotClient, against the fake Bot API, on a fake clock the host's pump moves on.
/// </summary>
public sealed class TelegramDeliveryTests : FakeClockTelegramTests
{
    // The fake server times a request when it has answered it, and the pump moves the clock in
    // one-second steps, so an interval it records can come out up to a step short.
    private static readonly TimeSpan ClockStep = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, string?> Admin = new() { ["NewsBot:Admins:0"] = "telegram:42" };

    [Fact]
    public async Task FloodStorm_RetryAfterIsHonouredPerChat_EveryChatGetsItsPushExactlyOnce()
    {
        var chats = Enumerable.Range(9001, 12).ToList();
        BotApi.Fail("sendMessage", [.. Enumerable.Range(0, 8).Select(_ => TelegramFailure.TooManyRequests(5))]);
        await using var bot = await StartBotAsync();
        await SubscribeAsync(bot, chats);

        await bot.Get<ArticleIngestor>().IngestAsync(Wire, [TestBot.Entry("Glacier survey finds a fifth of the ice gone")], CancellationToken.None);
        await WaitUntilDeliveredAsync(bot, chats);

        var sends = BotApi.Calls("sendMessage");
        Assert.Equal(8, sends.Count(r => r.Status == 429));
        Assert.All(chats, chat => Assert.Single(sends, r => r.ChatId == chat && r.Succeeded));
        foreach (var refused in sends.Where(r => r.Status == 429))
        {
            var asked = TimeSpan.FromSeconds(5);
            var next = sends.First(r => r.ChatId == refused.ChatId && r.At > refused.At);
            Assert.True(next.At - refused.At >= asked - ClockStep, $"chat {refused.ChatId} was tried again after {next.At - refused.At}, before the {asked} Telegram asked for");
        }

        Assert.Equal(0, await bot.Get<IOutboxStore>().CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ServerErrorBurst_BacksOffThenDeliversOnce()
    {
        BotApi.Fail("sendMessage", TelegramFailure.ServerError(), TelegramFailure.BadGateway(), TelegramFailure.ServerError());
        await using var bot = await StartBotAsync();
        await SubscribeAsync(bot, [9101]);

        // No summary: LiteDB reads an empty string back as null, which the card must survive.
        await bot.Get<ArticleIngestor>().IngestAsync(Wire, [TestBot.Entry("Glacier radar survey published", summary: "")], CancellationToken.None);
        await WaitUntilDeliveredAsync(bot, [9101]);

        var attempts = BotApi.Calls("sendMessage").Where(r => r.ChatId == 9101).OrderBy(r => r.At).ToList();
        Assert.Equal(4, attempts.Count);
        Assert.Single(attempts, r => r.Succeeded);
        Assert.True(attempts[^1].Succeeded);

        // Back-off doubles from 10 s, with ±25 % jitter.
        for (var i = 1; i < attempts.Count; i++)
        {
            var least = TimeSpan.FromSeconds(10 * Math.Pow(2, i - 1) * 0.75) - ClockStep;
            Assert.True(attempts[i].At - attempts[i - 1].At >= least, $"attempt {i + 1} came {attempts[i].At - attempts[i - 1].At} after the one before; at least {least} expected");
        }
    }

    [Fact]
    public async Task FeedDisabled_TheAdminsPrivateChatGetsTheNoticeFromTheDispatcher_AfterTheFloodWaitAskedFor()
    {
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () => Results.StatusCode(500)));
        BotApi.Fail("sendMessage", TelegramFailure.TooManyRequests(5));
        await using var bot = await TelegramTestHost.StartAsync(BotApi, Data.Path, new Dictionary<string, string?>(Admin)
        {
            ["Feeds:Sources:0:Name"] = "Broken Wire",
            ["Feeds:Sources:0:Url"] = site.Url("/feed"),
            ["Feeds:AllowPrivateAddresses"] = "true",
            ["Feeds:DisableAfterFailures"] = "1",
        }, Clock);

        await WaitUntilDeliveredAsync(bot, [42]);

        var attempts = BotApi.Calls("sendMessage").Where(r => r.ChatId == 42).OrderBy(r => r.At).ToList();
        Assert.Equal([429, 200], attempts.Select(r => r.Status));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(5) - ClockStep, $"the notice was sent again after {attempts[1].At - attempts[0].At}, before the 5 s Telegram asked for");
        Assert.StartsWith("Admin notice: The source \"Broken Wire\"", attempts[1].Text, StringComparison.Ordinal);
        var entry = Assert.Single(bot.Get<NewsBotDatabase>().Outbox.Find(o => o.Kind == nameof(OutboxKind.AdminNotice)));
        Assert.Equal(("telegram:42", nameof(OutboxState.Sent)), (entry.ChatKey, entry.State));
    }

    [Fact]
    public async Task AdminNoticeQueuedButNotSent_SurvivesARestart_AndIsSentOnce()
    {
        // The clock stands still: the first send after a start waits a pacing slot, so nothing goes.
        await using (var first = await TelegramTestHost.StartAsync(BotApi, Data.Path, Admin, Clock, pumpClock: false))
        {
            await first.Get<IAdminNotifier>().NotifyAsync("source-disabled:9:0", _ => "The source \"Wire\" was disabled.", CancellationToken.None);

            Assert.Equal(1, await first.Get<IOutboxStore>().CountPendingAsync(CancellationToken.None));
        }

        Assert.Empty(BotApi.Calls("sendMessage"));
        await using var second = await TelegramTestHost.StartAsync(BotApi, Data.Path, Admin, Clock);

        await WaitUntilDeliveredAsync(second, [42]);

        Assert.Equal("Admin notice: The source \"Wire\" was disabled.", Assert.Single(BotApi.Calls("sendMessage")).Text);
        Assert.Equal(new OutboxCounts(0, 1, 0, 0), await second.Get<IOutboxStore>().CountForAsync(OutboxKind.AdminNotice, "source-disabled:9:0", CancellationToken.None));
    }

    private static async Task SubscribeAsync(TelegramTestHost bot, IReadOnlyList<int> chats)
    {
        foreach (var chat in chats)
        {
            var address = new ChatAddress(NewsBot.Core.Chats.PlatformNames.Telegram, chat.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await bot.Get<ChatLifecycle>().ReactivateAsync(address, ChatKind.Private, null, CancellationToken.None);
            await bot.Get<SubscriptionService>().AddAsync(new Subscription(0, address.Key, SubscriptionKind.Keywords, "glacier", DeliveryMode.Instant, null, address.Key, TestBot.Now), CancellationToken.None);
        }
    }

    /// <summary>Waits (bounded) until every chat got a message and nothing is left to send.</summary>
    private async Task WaitUntilDeliveredAsync(TelegramTestHost bot, IReadOnlyList<int> chats)
    {
        foreach (var chat in chats)
        {
            await BotApi.WaitForSendAsync(chat);
        }

        await Eventually.WaitUntilAsync(
            async () => await bot.Get<IOutboxStore>().CountPendingAsync(CancellationToken.None) == 0,
            "nothing left to send",
            seen: () => string.Join(", ", BotApi.Calls("sendMessage").Select(r => $"{r.ChatId}:{r.Status}")));
    }
}
