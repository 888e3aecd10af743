namespace NewsBot.Tests.Platforms.Discord;

/// <summary>
/// The real host in service mode with only a Discord token, against the fake gateway and the
/// fake REST server: events come in over the WebSocket, answers go out over HTTP.
/// </summary>
public sealed class DiscordEndToEndTests : FolderTest, IAsyncLifetime
{
    private readonly TaskCompletionSource<FakeGatewayConnection> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence = 1;
    private FakeDiscordRest _rest = null!;
    private FakeDiscordGateway _gateway = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _rest = await FakeDiscordRest.StartAsync();
        _gateway = await FakeDiscordGateway.StartAsync();
        _gateway.Then(async connection =>
        {
            await connection.SendHelloAsync(45_000);
            await connection.WaitForOpAsync(2);
            await connection.SendReadyAsync(sequence: 1);
            _ready.TrySetResult(connection);
            await connection.Ended;
        });

        var settings = new Dictionary<string, string?>
        {
            ["NewsBot:DataDirectory"] = Folder.Path,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Telegram:Token"] = "",
            ["Discord:Token"] = FakeDiscordRest.Token,
            ["Discord:ApiBaseUrl"] = _rest.ApiBaseUrl,
            ["Discord:GatewayUrl"] = _gateway.Url.ToString(),
        };
        var builder = NewsBotHost.CreateBuilder(HostMode.Service, c => c.AddInMemoryCollection(settings));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _gateway.DisposeAsync();
        await _rest.DisposeAsync();
    }

    [Fact]
    public async Task Ready_registers_the_slash_commands_for_the_application_named_in_ready()
    {
        await _ready.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var registered = await _rest.WaitForAsync(r => r.Method == "PUT" && r.Path.StartsWith("/applications/" + FakeDiscordGateway.ApplicationId + "/commands", StringComparison.Ordinal));

        var names = registered.Body!.AsArray().Select(c => (string)c!["name"]!).ToList();
        Assert.Contains("latest", names);
        Assert.Contains("subscribe", names);
    }

    [Fact]
    public async Task A_slash_command_from_the_gateway_is_answered_through_the_interaction_callback()
    {
        var connection = await _ready.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var interaction = DiscordInteractions.Command("help");

        await connection.SendDispatchAsync("INTERACTION_CREATE", Interlocked.Increment(ref _sequence), interaction);

        var answer = await _rest.WaitForAsync(r => r.Path.StartsWith($"/interactions/{(string)interaction["id"]!}/", StringComparison.Ordinal));
        Assert.Equal(4, answer.CallbackType);
        Assert.Contains("/latest", answer.Message!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_subscribed_by_a_moderator_gets_a_new_matching_article_pushed_once()
    {
        var connection = await _ready.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var subscribe = DiscordInteractions.Command("subscribe", [("query", JsonValue.Create("glacier"))], permissions: DiscordInteractions.AllPermissions);
        await connection.SendDispatchAsync("INTERACTION_CREATE", Interlocked.Increment(ref _sequence), subscribe);
        var preview = await _rest.WaitForAsync(r => r.Path.StartsWith($"/interactions/{(string)subscribe["id"]!}/", StringComparison.Ordinal));
        var press = DiscordPreviews.Press(subscribe, DiscordPreviews.Confirm(preview.Message));
        await connection.SendDispatchAsync("INTERACTION_CREATE", Interlocked.Increment(ref _sequence), press);
        var confirmation = await _rest.WaitForAsync(r => r.Path.StartsWith($"/interactions/{(string)press["id"]!}/", StringComparison.Ordinal));
        Assert.Contains("Subscribed", confirmation.Message!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("glacier", confirmation.Message!.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        var sources = _host.Services.GetRequiredService<ISourceStore>();
        var source = await sources.EnsureAsync("Ice Wire", "https://icewire.example/feed", [], fromConfiguration: false, CancellationToken.None);
        var ingestor = _host.Services.GetRequiredService<ArticleIngestor>();
        var now = DateTimeOffset.UtcNow;
        await ingestor.IngestAsync(source, [new FeedEntry("old-1", "Harbour lights festival", "https://icewire.example/1", now.AddHours(-2), null, null, "", [], null)], new IngestOptions(FirstFetch: true, TimeSpan.FromDays(2)), CancellationToken.None);
        await ingestor.IngestAsync(source, [new FeedEntry("new-1", "Glacier retreat speeds up, survey finds", "https://icewire.example/2", now.AddMinutes(-5), null, null, "", [], null)], CancellationToken.None);

        var push = await _rest.WaitForAsync(r => r.Route == $"POST /channels/{DiscordInteractions.ChannelId}/messages" && r.Succeeded, TimeSpan.FromSeconds(20));

        Assert.Contains("Glacier retreat", push.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(push.Body!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Single(_rest.Calls("POST", $"/channels/{DiscordInteractions.ChannelId}/messages"));
    }
}
