using Microsoft.Extensions.Logging.Testing;

namespace NewsBot.Tests.Platforms.Discord;

public sealed class DiscordBotServiceTests
{
    [Fact]
    public async Task Service_runs_the_gateway_until_the_host_stops_it_and_then_closes_with_1000()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var harness = GatewayHarness.Create(gateway);
        using var shutdown = new DiscordShutdown();
        var lifetime = new RecordingLifetime();
        using var service = Service(harness, shutdown, lifetime, NewsBot.Core.Chats.PlatformNames.Discord);

        await service.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => harness.Client.Status == GatewayStatus.Ready, "the gateway is ready");
        await service.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1000, await (await gateway.ConnectionAsync(1)).WaitForEndAsync());
        Assert.Equal(GatewayStatus.Stopped, harness.Client.Status);
        Assert.False(service.TokenRefused);
        Assert.False(lifetime.StopRequested);
    }

    [Fact]
    public async Task A_refused_token_stops_the_application_when_discord_runs_alone()
    {
        await using var gateway = await RefusingGatewayAsync();
        await using var harness = GatewayHarness.Create(gateway);
        using var shutdown = new DiscordShutdown();
        var lifetime = new RecordingLifetime();
        using var service = Service(harness, shutdown, lifetime, NewsBot.Core.Chats.PlatformNames.Discord);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        Assert.True(service.TokenRefused);
        Assert.True(lifetime.StopRequested);
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Message.Contains(FakeDiscordGateway.Token, StringComparison.Ordinal));
        await service.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_refused_token_stops_discord_alone_while_telegram_keeps_the_application_running()
    {
        await using var gateway = await RefusingGatewayAsync();
        await using var harness = GatewayHarness.Create(gateway);
        using var shutdown = new DiscordShutdown();
        var lifetime = new RecordingLifetime();
        using var service = Service(harness, shutdown, lifetime, NewsBot.Core.Chats.PlatformNames.Discord, NewsBot.Core.Chats.PlatformNames.Telegram);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(service.TokenRefused);
        Assert.False(lifetime.StopRequested);
        await service.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_401_on_the_rest_side_closes_the_gateway_too()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var harness = GatewayHarness.Create(gateway);
        using var shutdown = new DiscordShutdown();
        var lifetime = new RecordingLifetime();
        using var service = Service(harness, shutdown, lifetime, NewsBot.Core.Chats.PlatformNames.Discord, NewsBot.Core.Chats.PlatformNames.Telegram);

        await service.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => harness.Client.Status == GatewayStatus.Ready, "the gateway is ready");
        shutdown.Trip("Discord answered 401 Unauthorized");
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(service.TokenRefused);
        Assert.Equal(GatewayStatus.Stopped, harness.Client.Status);
        Assert.False(lifetime.StopRequested);
        await service.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task A_refused_setting_stops_the_application_as_a_refusal_when_discord_runs_alone(int closeCode)
    {
        await using var gateway = await RefusingGatewayAsync(closeCode);
        await using var harness = GatewayHarness.Create(gateway);
        using var shutdown = new DiscordShutdown();
        var lifetime = new RecordingLifetime();
        using var service = Service(harness, shutdown, lifetime, NewsBot.Core.Chats.PlatformNames.Discord);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(service.Refused);
        Assert.False(service.TokenRefused);
        Assert.True(lifetime.StopRequested);
        await service.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task<FakeDiscordGateway> RefusingGatewayAsync(int closeCode = 4004)
    {
        var gateway = await FakeDiscordGateway.StartAsync();
        gateway.Then(async c =>
        {
            await c.SendHelloAsync(60_000);
            await c.WaitForOpAsync(2);
            await c.CloseAsync(closeCode, "Refused.");
        });
        return gateway;
    }

    private static DiscordBotService Service(GatewayHarness harness, DiscordShutdown shutdown, IHostApplicationLifetime lifetime, params string[] platforms) =>
        new(harness.Client, shutdown, platforms.Select(p => new ScriptedSender(p)).ToList(), lifetime, new FakeLogger<DiscordBotService>());

    private sealed class RecordingLifetime : IHostApplicationLifetime
    {
        public bool StopRequested { get; private set; }

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => StopRequested = true;
    }
}
