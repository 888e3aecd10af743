namespace NewsBot.Tests.Platforms.Discord;

/// <summary>The real executable with only a Discord token, talking to the fake gateway and the fake REST API.</summary>
public sealed class DiscordProcessTests : FolderTest, IAsyncLifetime
{
    private readonly TaskCompletionSource<FakeGatewayConnection> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeDiscordRest _rest = null!;
    private FakeDiscordGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _rest = await FakeDiscordRest.StartAsync();
        _gateway = await FakeDiscordGateway.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _rest.DisposeAsync();
    }

    [Fact]
    public async Task Run_WithADiscordToken_RegistersCommandsAnswersASlashCommandAndExitsZeroOnSigterm()
    {
        _gateway.Then(async connection =>
        {
            await connection.SendHelloAsync(45_000);
            await connection.WaitForOpAsync(2, timeout: NewsBotProcess.Limit);
            await connection.SendReadyAsync(sequence: 1);
            _ready.TrySetResult(connection);
            await connection.Ended;
        });

        using var process = Start();
        await process.WaitUntilAsync(() => _ready.Task.IsCompleted, "the gateway session to be ready");
        var connection = await _ready.Task;
        await _rest.WaitForAsync(r => r.Method == "PUT" && r.Path == $"/applications/{FakeDiscordGateway.ApplicationId}/commands", NewsBotProcess.Limit);

        var interaction = DiscordInteractions.Command("help");
        var interactionToken = (string)interaction["token"]!;
        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, interaction);
        var answer = await _rest.WaitForAsync(r => r.Path.StartsWith($"/interactions/{(string)interaction["id"]!}/", StringComparison.Ordinal), NewsBotProcess.Limit);
        Assert.Equal(4, answer.CallbackType);
        Assert.Contains("/latest", answer.Message!.ToJsonString(), StringComparison.Ordinal);

        await process.TerminateAsync();
        var (exitCode, output, errors) = await process.WaitAsync();
        Assert.Equal(1000, await connection.WaitForEndAsync(NewsBotProcess.Limit));

        var log = errors + output;
        Assert.Equal(0, exitCode);
        Assert.Contains("running on Discord", log, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDiscordRest.Token, log, StringComparison.Ordinal);
        Assert.DoesNotContain(interactionToken, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenTheGatewayRefusesTheToken_ExitsWithCode2AndNeverPrintsTheToken()
    {
        var (exitCode, log) = await RunUntilTheGatewayClosesAsync(4004, "Authentication failed.");

        Assert.Equal(2, exitCode);
        Assert.Contains("4004", log, StringComparison.Ordinal);
        Assert.Contains("Discord:Token", log, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDiscordRest.Token, log, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDiscordRest.Token.Split('.')[^1], log, StringComparison.Ordinal);
        Assert.Equal(1, _gateway.ConnectionCount);
    }

    [Fact]
    public async Task Run_WhenTheGatewayRefusesTheIntents_ExitsWithCode2AndSaysWhatToChange()
    {
        var (exitCode, log) = await RunUntilTheGatewayClosesAsync(4014, "Disallowed intent(s).");

        Assert.Equal(2, exitCode);
        Assert.Contains("4014", log, StringComparison.Ordinal);
        Assert.Contains("Developer Portal", log, StringComparison.Ordinal);
    }

    /// <summary>Runs the bot while the gateway answers its identify by closing with this code; returns how the process ended.</summary>
    private async Task<(int ExitCode, string Log)> RunUntilTheGatewayClosesAsync(int closeCode, string reason)
    {
        _gateway.Then(async connection =>
        {
            await connection.SendHelloAsync(45_000);
            await connection.WaitForOpAsync(2, timeout: NewsBotProcess.Limit);
            await connection.CloseAsync(closeCode, reason);
        });

        using var process = Start();
        var (exitCode, output, errors) = await process.WaitAsync();
        return (exitCode, errors + output);
    }

    private NewsBotProcess Start() => NewsBotProcess.Start(Folder.Path, ["run"], new Dictionary<string, string>
    {
        ["Discord__Token"] = FakeDiscordRest.Token,
        ["Discord__ApiBaseUrl"] = _rest.ApiBaseUrl,
        ["Discord__GatewayUrl"] = _gateway.Url.ToString(),
        ["NewsBot__DataDirectory"] = Path.Combine(Folder.Path, "data"),
    });
}
