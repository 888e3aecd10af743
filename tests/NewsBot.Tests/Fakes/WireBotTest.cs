namespace NewsBot.Tests.Fakes;

/// <summary>
/// A <see cref="BotTest"/> whose bot has one feed source, Wire, for the articles a test lets
/// arrive, and the outbox their pushes are queued in.
/// </summary>
public abstract class WireBotTest : BotTest
{
    protected WireBotTest(Action<NewsBotOptions>? configure = null, Action<IServiceCollection>? services = null)
        : base(configure, services)
    {
        Wire = Bot.Source("Wire");
    }

    protected FeedSource Wire { get; }

    protected IOutboxStore Outbox => Bot.Get<IOutboxStore>();
}
