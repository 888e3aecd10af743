using NewsBot.Storage.Postgres;

namespace NewsBot.Tests.Roles;

/// <summary>The admins' /sources says, among instances on one database, which instance holds which role.</summary>
public sealed class SourcesRolesViewTests : PostgresBotTest
{
    private TestBot _bot = null!;

    protected override Task StartAsync()
    {
        _bot = StartBot(
            configure: o => o.Admins = ["telegram:1"],
            services: s =>
            {
                s.AddSingleton<IRoleLeases, PostgresRoleLeases>();
                s.AddSingleton(new InstanceIdentity("web-1:4711:9f3a"));
            });
        _bot.Source("Wire");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Sources_ForAnAdmin_NamesTheHolderOfEachRole_AndTheInstanceThatAnswers()
    {
        await _bot.Get<RoleKeeper>().HoldAsync(RoleNames.Planning, CancellationToken.None);

        var admin = await _bot.SendAsync("/sources", user: "telegram:1");
        var other = await _bot.SendAsync("/sources", user: "telegram:2", chat: "telegram:2");

        Assert.Contains("Instances and roles", admin, StringComparison.Ordinal);
        Assert.Contains("planning", admin, StringComparison.Ordinal);
        Assert.Contains("web-1:4711:9f3a (this instance), fencing number 1", admin, StringComparison.Ordinal);
        Assert.Contains("This answer comes from web-1:4711:9f3a", string.Join(' ', admin!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.DoesNotContain("Instances and roles", other, StringComparison.Ordinal);
    }
}
