using System.Net;
using NewsBot.Core.State;

namespace NewsBot.Tests.Platforms.Telegram;

/// <summary>Restarts, flood limits, failures, webhooks and secrets: the bot keeps its promises under stress.</summary>
public sealed class TelegramResilienceTests() : ServerTest<FakeTelegramServer>(FakeTelegramServer.StartAsync)
{
    [Fact]
    public async Task Restart_MidStream_RepeatsNothingAndLosesNothing()
    {
        // One answer hangs, so the bot is stopped while handling it; the others are answered meanwhile.
        Server.Fail("sendMessage", TelegramFailure.Slow(TimeSpan.Zero), TelegramFailure.Slow(TimeSpan.Zero), TelegramFailure.Hang());
        for (var chat = 4001; chat <= 4004; chat++)
        {
            Server.Enqueue(TelegramChats.Say(chat, "/help"));
        }

        await using (var first = await TelegramTestHost.StartAsync(Server, Folder.Path))
        {
            await Eventually.WaitUntilAsync(() => Server.Arrived("sendMessage") >= 4 && Server.Calls("sendMessage").Count(r => r.Succeeded) == 3, "three answers sent and the fourth hanging");
            var hung = new long[] { 4001, 4002, 4003, 4004 }.Except(Server.Calls("sendMessage").Where(r => r.Succeeded).Select(r => r.ChatId!.Value)).Single();

            // Updates are numbered from 1000 in chat order; the hung one is kept, with the finished ones after it.
            var hungUpdate = 1000 + (int)(hung - 4001);
            var expected = string.Join(',', Enumerable.Range(hungUpdate, 1004 - hungUpdate));

            // The fake counts an answer as sent before the bot has read Telegram's reply; stopping in
            // between would rightly hand that update out again, so stop once the bot has noted the three.
            var offsets = first.Get<IStateStore>();
            await Eventually.WaitUntilAsync(
                async () => await offsets.GetAsync(TelegramBotService.OffsetStateName, CancellationToken.None) == expected,
                "the three answered updates noted as done");
            await first.StopAsync();
            Assert.Equal(expected, await first.Get<IStateStore>().GetAsync(TelegramBotService.OffsetStateName, CancellationToken.None));
        }

        Server.Enqueue(TelegramChats.Say(4005, "/help"));
        await using (await TelegramTestHost.StartAsync(Server, Folder.Path))
        {
            await Server.WaitForSendAsync(4005);
            await Eventually.WaitUntilAsync(() => Server.Calls("sendMessage").Count(r => r.Succeeded) >= 5, "all five chats answered");
        }

        var answered = Server.Calls("sendMessage").Where(r => r.Succeeded).Select(r => r.ChatId).ToList();
        Assert.Equal([4001, 4002, 4003, 4004, 4005], answered.Order());
    }

    [Fact]
    public async Task FloodLimit_InOneGroup_DoesNotHoldOtherChatsAnswers()
    {
        var clock = new ObservedClock(TestBot.Now);
        await using var bot = await TelegramTestHost.StartAsync(Server, Folder.Path, clock: clock, pumpClock: false);
        Server.Fail("sendMessage", TelegramFailure.TooManyRequests(20));
        Server.Enqueue(TelegramChats.Say(-4150, "/topics", chatType: "supergroup"));
        await Server.WaitForAsync("sendMessage", r => r.Status == 429);
        var groupWait = await clock.WaitForWaitAsync(TimeSpan.FromSeconds(20));

        // The group now waits 20 s; two people asking in private are answered without waiting for it.
        Server.Enqueue(TelegramChats.Say(4151, "/help"));
        Server.Enqueue(TelegramChats.Say(4152, "/help"));
        await Server.WaitForSendAsync(4151);
        await Server.WaitForSendAsync(4152);
        Assert.False(clock.HasFired(groupWait));
        Assert.Equal(0, Server.Calls("sendMessage").Count(r => r.ChatId == -4150 && r.Succeeded));

        // The group's own next answer queues behind the held one, so the two arrive in order.
        Server.Enqueue(TelegramChats.Say(-4150, "/help", chatType: "supergroup"));
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(clock.HasFired(groupWait));
        await Eventually.WaitUntilAsync(() => Server.Calls("sendMessage").Count(r => r.ChatId == -4150 && r.Succeeded) == 2, "both answers in the group");
        var group = Server.Calls("sendMessage").Where(r => r.ChatId == -4150 && r.Succeeded).Select(r => r.Text!).ToList();
        Assert.Contains("Topics", group[0], StringComparison.Ordinal);
        Assert.Contains("/latest", group[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FloodLimit_OnAnAnswer_IsWaitedOutForRetryAfterThenSent()
    {
        var clock = new ObservedClock(TestBot.Now);
        Server.Fail("sendMessage", TelegramFailure.TooManyRequests(3));
        await using var bot = await TelegramTestHost.StartAsync(Server, Folder.Path, clock: clock, pumpClock: false);
        Server.Enqueue(TelegramChats.Say(4100, "/topics"));
        await Server.WaitForAsync("sendMessage", r => r.Status == 429);
        var floodWait = await clock.WaitForWaitAsync(TimeSpan.FromSeconds(3));

        // A timer fires inside Advance: two seconds on, the retry's wait has demonstrably not ended.
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(clock.HasFired(floodWait));
        Assert.Equal(1, Server.Arrived("sendMessage"));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(clock.HasFired(floodWait));
        await Server.WaitForSendAsync(4100);
    }

    [Fact]
    public async Task FloodStorm_OnSendMessage_LosesNoReply()
    {
        var clock = new FakeTimeProvider(TestBot.Now);
        Server.Fail("sendMessage", Enumerable.Repeat(TelegramFailure.TooManyRequests(3), 5).ToArray());
        await using var bot = await TelegramTestHost.StartAsync(Server, Folder.Path, clock: clock);
        for (var chat = 4101; chat <= 4103; chat++)
        {
            Server.Enqueue(TelegramChats.Say(chat, "/topics"));
        }

        foreach (var chat in new long[] { 4101, 4102, 4103 })
        {
            await Server.WaitForSendAsync(chat);
        }

        Assert.Equal(5, Server.Calls("sendMessage").Count(r => r.Status == 429));
        Assert.Equal(3, Server.Calls("sendMessage").Count(r => r.Succeeded));
    }

    [Fact]
    public async Task SlowBotApi_AnswersInOneChatStillArriveInOrder()
    {
        Server.Fail("sendMessage", TelegramFailure.Slow(TimeSpan.FromMilliseconds(300)), TelegramFailure.Slow(TimeSpan.FromMilliseconds(300)));
        await using var bot = await TelegramTestHost.StartAsync(Server, Folder.Path);
        Server.Enqueue(TelegramChats.Say(4111, "/help"));
        Server.Enqueue(TelegramChats.Say(4111, "/topics"));
        Server.Enqueue(TelegramChats.Say(4111, "/read abc"));

        await Eventually.WaitUntilAsync(() => Server.Calls("sendMessage").Count(r => r.Succeeded) == 3, "three answers");

        var texts = Server.Calls("sendMessage").Select(r => r.Text!).ToList();
        Assert.Contains("/latest", texts[0], StringComparison.Ordinal);
        Assert.Contains("Topics", texts[1], StringComparison.Ordinal);
        Assert.Contains("not an article number", texts[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetUpdatesFailures_AreRetriedAfterACooldown()
    {
        var clock = new FakeTimeProvider(TestBot.Now);
        Server.Fail("getUpdates", TelegramFailure.ServerError(), TelegramFailure.DropConnection(), TelegramFailure.BadGateway(), TelegramFailure.Api(409, "Conflict: terminated by other getUpdates request"));
        Server.Enqueue(TelegramChats.Say(4201, "/help"));
        await using var bot = await TelegramTestHost.StartAsync(Server, Folder.Path, clock: clock);

        await Server.WaitForSendAsync(4201);

        Assert.Equal(4, Server.Calls("getUpdates").Count(r => !r.Succeeded));
    }

    [Fact]
    public async Task Webhook_RightSecretIsHandled_WrongOrMissingSecretGets401()
    {
        await using var bot = await TelegramTestHost.StartAsync(Server, Folder.Path, new()
        {
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = "https://bot.example/telegram/hook",
            ["Telegram:WebhookSecret"] = "s3cret-Token_1",
            ["Telegram:WebhookListenUrl"] = "http://127.0.0.1:0",
        });
        var registered = await Server.WaitForAsync("setWebhook");
        var address = (await bot.Get<TelegramWebhookServer>().Listening.WaitAsync(TimeSpan.FromSeconds(10)))[0];
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) };

        var wrong = await PostAsync(http, "/telegram/hook", "wrong", TelegramChats.Say(4301, "/help").ToJsonString(), updateId: 1);
        var missing = await PostAsync(http, "/telegram/hook", null, TelegramChats.Say(4301, "/help").ToJsonString(), updateId: 2);
        var right = await PostAsync(http, "/telegram/hook", "s3cret-Token_1", TelegramChats.Say(4302, "/help").ToJsonString(), updateId: 3);
        var again = await PostAsync(http, "/telegram/hook", "s3cret-Token_1", TelegramChats.Say(4302, "/help").ToJsonString(), updateId: 3);
        var otherPath = await PostAsync(http, "/elsewhere", "s3cret-Token_1", TelegramChats.Say(4303, "/help").ToJsonString(), updateId: 4);

        Assert.Equal("https://bot.example/telegram/hook", (string?)registered.Body["url"]);
        Assert.Equal("s3cret-Token_1", (string?)registered.Body["secret_token"]);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, missing);
        Assert.Equal(HttpStatusCode.OK, right);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(HttpStatusCode.NotFound, otherPath);
        Assert.Single(Server.Calls("sendMessage"), r => r.ChatId == 4302);
        Assert.DoesNotContain(Server.Calls("sendMessage"), r => r.ChatId is 4301 or 4303);
        Assert.Empty(Server.Calls("getUpdates"));
        Assert.Empty(Server.Calls("deleteWebhook"));
    }

    [Fact]
    public async Task Token_NeverAppearsInALogLine_EvenWhenEverythingFails()
    {
        var clock = new FakeTimeProvider(TestBot.Now);
        using var logs = new CapturingLoggerProvider();
        var secret = FakeTelegramServer.Token[(FakeTelegramServer.Token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var echoed = $"Not Found: /bot{FakeTelegramServer.Token}/getUpdates";
        Server.Fail("getMe", TelegramFailure.ServerError(), TelegramFailure.DropConnection());
        Server.Fail("setMyCommands", TelegramFailure.Api(400, $"Bad Request: {FakeTelegramServer.Token}"));
        Server.Fail("getUpdates", TelegramFailure.Api(502, echoed), TelegramFailure.DropConnection(), TelegramFailure.BadGateway());
        Server.Fail("sendMessage", TelegramFailure.ServerError(), TelegramFailure.DropConnection(), TelegramFailure.Api(400, echoed));
        Server.Fail("answerCallbackQuery", TelegramFailure.Api(400, echoed));
        Server.Fail("getChatMember", TelegramFailure.Api(400, echoed));
        Server.Enqueue(TelegramChats.Say(4401, "/help"));
        Server.Enqueue(TelegramChats.Say(-1004402, "/subscribe science", chatType: "supergroup"));

        await using (var bot = await TelegramTestHost.StartAsync(Server, Folder.Path, new()
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
        }, clock, logs))
        {
            // Chats are answered side by side: the third chat asks once the failing sends are used up.
            await Eventually.WaitUntilAsync(() => Server.Calls("sendMessage").Count(r => !r.Succeeded) >= 3, "the three failing sends used up");
            Server.Enqueue(TelegramChats.Say(4403, "/topics"));
            await Server.WaitForSendAsync(4403);
            var topics = Server.Sent.Single(m => m.ChatId == 4403);
            Server.Enqueue(TelegramUpdates.Callback(topics, 4403, "/topic science"));
            await Server.WaitForAsync("sendMessage", r => r.ChatId == 4403 && r.Text!.Contains("Science", StringComparison.Ordinal));
        }

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("[redacted]", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(Server.Requests, r => r.Body.ToJsonString().Contains(secret, StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string path, string? secret, string updateJson, int updateId)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(updateJson)!.AsObject();
        json["update_id"] = updateId;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookServer.SecretHeader, secret);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Keeps every log record as text: message, state values, scopes and exception.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public IReadOnlyList<string> Lines => _lines.ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        line.Append(" | ").Append(key).Append('=').Append(value);
                    }
                }

                provider._scopes.ForEachScope((scope, builder) => builder.Append(" | scope ").Append(scope), line);
                if (exception is not null)
                {
                    line.Append(" | ").Append(exception);
                }

                provider._lines.Enqueue(line.ToString());
            }
        }
    }
}
