namespace NewsBot.Tests.Platforms.Discord;

public sealed class DiscordDeferAndRegistrationTests
{
    private const string Guild = "400000000000000401";

    [Fact]
    public async Task SlowCommand_IsDeferredThenTheOriginalResponseIsEdited()
    {
        var (callback, followups) = await AnsweredByABotThatDefersAtOnceAsync(DiscordInteractions.Command("latest"));

        Assert.Equal(5, callback.CallbackType);
        Assert.Null(callback.Body!["data"]);
        var edit = Assert.Single(followups);
        Assert.Equal("PATCH", edit.Method);
        Assert.EndsWith("/messages/@original", edit.Path, StringComparison.Ordinal);
        Assert.NotNull(edit.Body!["embeds"]);
        Assert.Equal("""{"parse":[]}""", edit.Body["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public async Task SlowPersonalCommand_IsDeferredPrivately()
    {
        var (callback, followups) = await AnsweredByABotThatDefersAtOnceAsync(DiscordInteractions.Command("bookmarks"));

        Assert.Equal(5, callback.CallbackType);
        Assert.Equal(64, (int?)callback.Body!["data"]!["flags"]);
        var edit = Assert.Single(followups);
        Assert.Equal("PATCH", edit.Method);
        Assert.Null(edit.Body!["flags"]);
    }

    [Fact]
    public async Task SlowPageButton_IsAcknowledgedThenItsMessageEdited()
    {
        var (callback, followups) = await AnsweredByABotThatDefersAtOnceAsync(DiscordInteractions.Button("p:/latest 2", DiscordInteractions.AllPermissions));

        Assert.Equal(6, callback.CallbackType);
        Assert.Equal("PATCH", Assert.Single(followups).Method);
    }

    [Fact]
    public async Task Ready_RegistersTheSlashCommandsInTheConfiguredServerOnce()
    {
        await using var discord = await DiscordTestBot.StartAsync(guildId: Guild);

        await discord.DispatchAsync("READY", Ready());
        await discord.DispatchAsync("READY", Ready());

        var put = Assert.Single(discord.Server.Calls("PUT", $"/applications/{FakeDiscordRest.ApplicationId}/guilds/{Guild}/commands"));
        Assert.Single(discord.Server.Calls("GET", $"/applications/{FakeDiscordRest.ApplicationId}/guilds/{Guild}/commands"));
        var names = put.Body!.AsArray().Select(c => (string?)c!["name"]).ToList();
        Assert.Contains("subscribe", names);
        Assert.Contains("latest", names);
        Assert.Empty(discord.Server.Calls("PUT", $"/applications/{FakeDiscordRest.ApplicationId}/commands"));
    }

    [Fact]
    public async Task Ready_WhileDiscordIsBrieflyUnavailable_RegistersTheCommandsAfterWaiting()
    {
        await using var discord = await DiscordTestBot.StartAsync(guildId: Guild);
        var commands = $"/applications/{FakeDiscordRest.ApplicationId}/guilds/{Guild}/commands";
        discord.Server.Script("GET " + commands, Enumerable.Range(0, 6).Select(_ => FakeDiscordAnswer.BadGateway()).ToArray());

        var dispatch = discord.DispatchAsync("READY", Ready());
        for (var step = 0; step < 2_000 && discord.Server.Calls("PUT", commands).Count == 0; step++)
        {
            await Task.Delay(2);
            discord.Bot.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await dispatch;
        Assert.Single(discord.Server.Calls("PUT", commands));
        Assert.True(discord.Server.Calls("GET", commands).Count > new NewsBot.Platforms.Discord.Rest.DiscordRestTuning().ServerErrorRetries + 1, "the registration was tried again after the client gave up its own retries");
    }

    [Fact]
    public async Task Ready_WithTheSameCommandsAlreadyRegisteredGlobally_WritesNothing()
    {
        await using var discord = await DiscordTestBot.StartAsync();
        var desired = discord.Bot.Get<DiscordCommandRegistrar>().Desired;
        var registered = JsonNode.Parse(JsonSerializer.Serialize(desired, DiscordJson.Options))!.AsArray();
        foreach (var command in registered)
        {
            command!["id"] = "1";
            command["version"] = "1";
        }

        discord.Server.SetCommands(registered);

        await discord.DispatchAsync("READY", Ready());

        Assert.Single(discord.Server.Calls("GET", $"/applications/{FakeDiscordRest.ApplicationId}/commands"));
        Assert.Empty(discord.Server.Calls("PUT", "/applications/"));
    }

    [Fact]
    public async Task Ready_LearnsTheApplicationId()
    {
        await using var discord = await DiscordTestBot.StartAsync();

        await discord.DispatchAsync("READY", Ready());

        Assert.Equal(FakeDiscordRest.ApplicationId, discord.Bot.Get<DiscordApplication>().Id);
        Assert.Single(discord.Server.Calls("PUT", $"/applications/{FakeDiscordRest.ApplicationId}/commands"));
    }

    [Fact]
    public async Task Ready_WithoutAnApplication_AsksDiscordForTheIdThenRegisters()
    {
        await using var discord = await DiscordTestBot.StartAsync();
        var ready = Ready();
        ready.Remove("application");

        await discord.DispatchAsync("READY", ready);

        Assert.Single(discord.Server.Calls("GET", "/applications/@me"));
        Assert.Equal(FakeDiscordRest.ApplicationId, discord.Bot.Get<DiscordApplication>().Id);
        Assert.Single(discord.Server.Calls("PUT", $"/applications/{FakeDiscordRest.ApplicationId}/commands"));
    }

    [Fact]
    public async Task Ready_WhenDiscordNamesAnUnusableApplicationId_RegistersNothingAndShutsDownCleanly()
    {
        var discord = await DiscordTestBot.StartAsync();
        try
        {
            discord.Server.Script("GET /applications/@me", new FakeDiscordAnswer(200, """{"id":"not-a-snowflake"}"""));
            var ready = Ready();
            ready.Remove("application");

            await discord.DispatchAsync("READY", ready);

            Assert.Single(discord.Server.Calls("GET", "/applications/@me"));
            Assert.Empty(discord.Server.Calls("GET", "/applications/not"));
            Assert.Empty(discord.Server.Calls("PUT", "/applications/"));
            Assert.Null(discord.Bot.Get<DiscordApplication>().Id);
        }
        finally
        {
            await discord.DisposeAsync();
        }
    }

    [Fact]
    public async Task Dispose_WaitsForRunningWorkWithoutRethrowingItsFailure()
    {
        var discord = await DiscordTestBot.StartAsync();
        try
        {
            var work = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            discord.Handler.Track(work.Task);

            var disposing = discord.Handler.DisposeAsync().AsTask();
            work.SetException(new InvalidOperationException("a background task failed"));
            var thrown = await Record.ExceptionAsync(() => disposing.WaitAsync(TimeSpan.FromSeconds(10)));

            Assert.Null(thrown);
        }
        finally
        {
            await discord.DisposeAsync();
        }
    }

    [Fact]
    public async Task InteractionWithNoFreeSlot_IsToldToTryAgainInsteadOfHoldingUpTheGatewayPastTheWindow()
    {
        await using var discord = await DiscordTestBot.StartAsync(new DiscordInteractionTuning { MaxConcurrent = 1, DeferAfter = TimeSpan.FromSeconds(1.5) });
        var first = DiscordInteractions.Command("help");
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        discord.Server.Script($"POST /interactions/{(string)first["id"]!}/{(string)first["token"]!}/callback", new FakeDiscordAnswer(0, Hold: held.Task));
        try
        {
            await Handle(discord, first);
            await discord.Server.WaitForArrivalsAsync(1);

            var second = DiscordInteractions.Command("help");
            var handling = Handle(discord, second);
            Assert.False(handling.IsCompleted);
            discord.Bot.Time.Advance(TimeSpan.FromSeconds(2));
            await handling.WaitAsync(TimeSpan.FromSeconds(10));

            var busy = await discord.Server.WaitForAsync(r => r.Path.StartsWith($"/interactions/{(string)second["id"]!}/", StringComparison.Ordinal));
            Assert.Equal(4, busy.CallbackType);
            Assert.Equal(LanguageCatalog.Default.For(LanguageCatalog.EnglishCode).Get(DiscordInteractionResponder.Busy), (string?)busy.Message!["content"]);
            Assert.Equal(64, (int?)busy.Message["flags"]);
        }
        finally
        {
            held.TrySetResult();
        }

        await discord.Handler.DrainAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(discord.Server.Calls("POST", $"/interactions/{(string)first["id"]!}/"));
    }

    /// <summary>The callback and the follow-ups of <paramref name="interaction"/> at a bot that defers every answer.</summary>
    private static async Task<(DiscordRestRequest Callback, IReadOnlyList<DiscordRestRequest> Followups)> AnsweredByABotThatDefersAtOnceAsync(JsonObject interaction)
    {
        await using var discord = await DiscordTestBot.StartAsync(new DiscordInteractionTuning { DeferAfter = TimeSpan.Zero });
        var callback = await discord.InteractAsync(interaction);
        return (callback, discord.Followups(interaction));
    }

    private static async Task Handle(DiscordTestBot discord, JsonObject interaction)
    {
        using var document = JsonDocument.Parse(interaction.ToJsonString());
        await discord.Handler.HandleAsync("INTERACTION_CREATE", document.RootElement.Clone(), CancellationToken.None);
    }

    private static JsonObject Ready() => new()
    {
        ["v"] = 10,
        ["user"] = new JsonObject { ["id"] = "100000000000000100", ["username"] = "newsbot", ["discriminator"] = "0" },
        ["guilds"] = new JsonArray(),
        ["session_id"] = "sess-1",
        ["resume_gateway_url"] = "ws://127.0.0.1:1/resume",
        ["application"] = new JsonObject { ["id"] = FakeDiscordRest.ApplicationId, ["flags"] = 0 },
    };
}
