namespace NewsBot.Tests.Platforms.Discord;

/// <summary>A test class whose every test has a bot of its own behind the fake Discord API and gateway.</summary>
public abstract class DiscordBotTest : IAsyncLifetime
{
    protected DiscordTestBot Discord { get; private set; } = null!;

    protected FakeDiscordRest Server => Discord.Server;

    public virtual async Task InitializeAsync() => Discord = await DiscordTestBot.StartAsync();

    public async Task DisposeAsync() => await Discord.DisposeAsync();
}
