using NewsBot.Platforms.Discord.Gateway;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Platforms.Discord;

public sealed class DiscordGatewayServiceTests
{
    [Fact]
    public async Task Service_runs_the_gateway_until_the_host_stops_it_and_then_closes_with_1000()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var harness = GatewayHarness.Create(gateway);
        using var service = new DiscordGatewayService(harness.Client);

        await service.StartAsync(CancellationToken.None);
        await GatewayHarness.WaitUntilAsync(() => harness.Client.Status == GatewayStatus.Ready, "the gateway is ready");
        await service.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1000, await (await gateway.ConnectionAsync(1)).WaitForEndAsync());
        Assert.Equal(GatewayStatus.Stopped, harness.Client.Status);
    }

    [Fact]
    public async Task Service_ends_by_itself_without_an_exception_when_discord_refuses_the_token()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.Then(async c =>
        {
            await c.SendHelloAsync(60_000);
            await c.WaitForOpAsync(2);
            await c.CloseAsync(4004, "Authentication failed.");
        });
        await using var harness = GatewayHarness.Create(gateway);
        using var service = new DiscordGatewayService(harness.Client);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal(4004, harness.Client.StopReason?.CloseCode);
        await service.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
