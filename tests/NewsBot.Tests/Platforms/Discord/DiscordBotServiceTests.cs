using Microsoft.Extensions.Logging.Testing;

namespace NewsBot.Tests.Platforms.Discord;

public sealed class DiscordBotServiceTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Service_runs_the_gateway_until_the_host_stops_it_and_then_closes_with_1000()
    {
        await using var bot = await StartedServiceAsync(await FakeDiscordGateway.StartAsync(), NewsBot.Core.Chats.PlatformNames.Discord);

        await Eventually.WaitUntilAsync(() => bot.Status == GatewayStatus.Ready, "the gateway is ready");
        await bot.Service.StopAsync(CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(1000, await (await bot.Gateway.ConnectionAsync(1)).WaitForEndAsync());
        Assert.Equal(GatewayStatus.Stopped, bot.Status);
        Assert.False(bot.Service.TokenRefused);
        Assert.False(bot.Lifetime.StopRequested);
    }

    [Fact]
    public async Task A_refused_token_stops_the_application_when_discord_runs_alone()
    {
        await using var bot = await StartedServiceAsync(await RefusingGatewayAsync(), NewsBot.Core.Chats.PlatformNames.Discord);

        await bot.Service.ExecuteTask!.WaitAsync(Limit);

        Assert.True(bot.Service.ExecuteTask.IsCompletedSuccessfully);
        Assert.True(bot.Service.TokenRefused);
        Assert.True(bot.Lifetime.StopRequested);
        Assert.DoesNotContain(bot.Shards.Logs.GetSnapshot(), r => r.Message.Contains(FakeDiscordGateway.Token, StringComparison.Ordinal));
        await bot.Service.StopAsync(CancellationToken.None).WaitAsync(Limit);
    }

    [Fact]
    public async Task A_refused_token_stops_discord_alone_while_telegram_keeps_the_application_running()
    {
        await using var bot = await StartedServiceAsync(await RefusingGatewayAsync(), NewsBot.Core.Chats.PlatformNames.Discord, NewsBot.Core.Chats.PlatformNames.Telegram);

        await bot.Service.ExecuteTask!.WaitAsync(Limit);

        Assert.True(bot.Service.TokenRefused);
        Assert.False(bot.Lifetime.StopRequested);
        await bot.Service.StopAsync(CancellationToken.None).WaitAsync(Limit);
    }

    [Fact]
    public async Task A_401_on_the_rest_side_closes_the_gateway_too()
    {
        await using var bot = await StartedServiceAsync(await FakeDiscordGateway.StartAsync(), NewsBot.Core.Chats.PlatformNames.Discord, NewsBot.Core.Chats.PlatformNames.Telegram);
        await Eventually.WaitUntilAsync(() => bot.Status == GatewayStatus.Ready, "the gateway is ready");

        bot.Shutdown.Trip("Discord answered 401 Unauthorized");
        await bot.Service.ExecuteTask!.WaitAsync(Limit);

        Assert.True(bot.Service.TokenRefused);
        Assert.Equal(GatewayStatus.Stopped, bot.Status);
        Assert.False(bot.Lifetime.StopRequested);
        await bot.Service.StopAsync(CancellationToken.None).WaitAsync(Limit);
    }

    [Theory]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task A_refused_setting_stops_the_application_as_a_refusal_when_discord_runs_alone(int closeCode)
    {
        await using var bot = await StartedServiceAsync(await RefusingGatewayAsync(closeCode), NewsBot.Core.Chats.PlatformNames.Discord);

        await bot.Service.ExecuteTask!.WaitAsync(Limit);

        Assert.True(bot.Service.Refused);
        Assert.False(bot.Service.TokenRefused);
        Assert.True(bot.Lifetime.StopRequested);
        await bot.Service.StopAsync(CancellationToken.None).WaitAsync(Limit);
    }

    private static async Task<FakeDiscordGateway> RefusingGatewayAsync(int closeCode = 4004)
    {
        var gateway = await FakeDiscordGateway.StartAsync();
        gateway.Then(async c =>
        {
            await c.HelloAndIdentifyAsync();
            await c.CloseAsync(closeCode, "Refused.");
        });
        return gateway;
    }

    /// <summary>The Discord service over a gateway client for <paramref name="gateway"/>, started, in a host running <paramref name="platforms"/>.</summary>
    private static async Task<ServiceUnderTest> StartedServiceAsync(FakeDiscordGateway gateway, params string[] platforms)
    {
        var harness = ShardsHarness.Create(gateway);
        var shutdown = new DiscordShutdown();
        var lifetime = new RecordingLifetime();
        var service = new DiscordBotService(harness.Shards, shutdown, platforms.Select(p => new ScriptedSender(p)).ToList(), lifetime, new FakeLogger<DiscordBotService>());
        var started = new ServiceUnderTest(gateway, harness, shutdown, lifetime, service);
        try
        {
            await service.StartAsync(CancellationToken.None);
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    private sealed record ServiceUnderTest(FakeDiscordGateway Gateway, ShardsHarness Shards, DiscordShutdown Shutdown, RecordingLifetime Lifetime, DiscordBotService Service)
        : IAsyncDisposable
    {
        public GatewayStatus Status => Shards.Shards.Connection(0)?.Status ?? GatewayStatus.NotStarted;

        public async ValueTask DisposeAsync()
        {
            Service.Dispose();
            Shutdown.Dispose();
            await Gateway.DisposeAsync();
        }
    }

    private sealed class RecordingLifetime : IHostApplicationLifetime
    {
        public bool StopRequested { get; private set; }

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => StopRequested = true;
    }
}
