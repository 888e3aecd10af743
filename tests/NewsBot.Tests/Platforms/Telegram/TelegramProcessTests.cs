using System.Diagnostics;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Platforms.Telegram;

/// <summary>The real executable with a Telegram token, talking to the fake Bot API.</summary>
public sealed class TelegramProcessTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _workingDirectory = new();
    private FakeTelegramServer _telegram = null!;

    public async Task InitializeAsync() => _telegram = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync() => await _telegram.DisposeAsync();

    public void Dispose() => _workingDirectory.Dispose();

    [Fact]
    public async Task Run_WithATelegramToken_ServesTelegramUntilTerminated()
    {
        using var process = Start(FakeTelegramServer.Token);
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await _telegram.WaitForAsync("deleteWebhook", timeout: Limit);
            _telegram.Enqueue(TelegramChats.Say(6001, "/start"));
            var welcome = await _telegram.WaitForSendAsync(6001);
            Assert.Contains("Welcome to NewsBot", welcome.Text, StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(Limit);
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var log = await errors;
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("running on Telegram", log, StringComparison.Ordinal);
        Assert.Contains("connected as @" + FakeTelegramServer.BotUserName, log, StringComparison.Ordinal);
        Assert.DoesNotContain("terminal", log, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_WithATokenTelegramRefuses_ExitsWithCode2AndSaysWhichSettingToFix()
    {
        using var process = Start("999999:not-the-right-token");
        var errors = process.StandardError.ReadToEndAsync();
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

        var log = await errors;
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Telegram:Token", log, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-right-token", log, StringComparison.Ordinal);
    }

    private Process Start(string token)
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
        start.Environment["Telegram__Token"] = token;
        start.Environment["Telegram__ApiBaseUrl"] = _telegram.BaseUrl;
        start.Environment["Discord__Token"] = "";
        start.Environment["NewsBot__DataDirectory"] = Path.Combine(_workingDirectory.Path, "data");
        return Process.Start(start)!;
    }
}
