using System.Diagnostics;
using System.Globalization;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Platforms.Discord;

/// <summary>The real executable with only a Discord token, talking to the fake gateway and the fake REST API.</summary>
public sealed class DiscordProcessTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _workingDirectory = new();
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

    public void Dispose() => _workingDirectory.Dispose();

    [Fact]
    public async Task Run_WithADiscordToken_RegistersCommandsAnswersASlashCommandAndExitsZeroOnSigterm()
    {
        _gateway.Then(async connection =>
        {
            await connection.SendHelloAsync(45_000);
            await connection.WaitForOpAsync(2, timeout: Limit);
            await connection.SendReadyAsync(sequence: 1);
            _ready.TrySetResult(connection);
            await connection.Ended;
        });

        using var process = Start();
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        string? interactionToken = null;
        try
        {
            var connection = await _ready.Task.WaitAsync(Limit);
            await _rest.WaitForAsync(r => r.Method == "PUT" && r.Path == $"/applications/{FakeDiscordGateway.ApplicationId}/commands", Limit);

            var interaction = DiscordInteractions.Command("help");
            interactionToken = (string)interaction["token"]!;
            await connection.SendDispatchAsync("INTERACTION_CREATE", 2, interaction);
            var answer = await _rest.WaitForAsync(r => r.Path.StartsWith($"/interactions/{(string)interaction["id"]!}/", StringComparison.Ordinal), Limit);
            Assert.Equal(4, answer.CallbackType);
            Assert.Contains("/latest", answer.Message!.ToJsonString(), StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(Limit);
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(1000, await connection.WaitForEndAsync(Limit));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var log = await errors + await output;
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("running on Discord", log, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDiscordRest.Token, log, StringComparison.Ordinal);
        Assert.DoesNotContain(interactionToken!, log, StringComparison.Ordinal);
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
            await connection.WaitForOpAsync(2, timeout: Limit);
            await connection.CloseAsync(closeCode, reason);
        });

        using var process = Start();
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var log = await errors + await output;
        return (process.ExitCode, log);
    }

    private Process Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workingDirectory.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "newsbot.dll"));
        start.ArgumentList.Add("run");
        start.Environment["Telegram__Token"] = "";
        start.Environment["Discord__Token"] = FakeDiscordRest.Token;
        start.Environment["Discord__ApiBaseUrl"] = _rest.ApiBaseUrl;
        start.Environment["Discord__GatewayUrl"] = _gateway.Url.ToString();
        start.Environment["NewsBot__DataDirectory"] = Path.Combine(_workingDirectory.Path, "data");
        return Process.Start(start)!;
    }
}
