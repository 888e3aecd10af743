namespace NewsBot.Tests.Platforms.Discord;

/// <summary>Tests of the REST client that each start a fresh <see cref="DiscordRestHarness"/>.</summary>
public abstract class DiscordRestTests : IAsyncLifetime
{
    private DiscordRestHarness? _harness;

    protected DiscordRestHarness Harness => _harness ?? throw new InvalidOperationException("The harness starts in InitializeAsync.");

    protected FakeDiscordRest Server => Harness.Server;

    internal DiscordRestClient Client => Harness.Client;

    public async Task InitializeAsync() => _harness = await DiscordRestHarness.StartAsync();

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
