namespace NewsBot.Tests.Fakes;

/// <summary>
/// A test class whose every test talks to a fresh <see cref="TestBot"/>, disposed after the test;
/// <paramref name="configure"/> and <paramref name="services"/> go to the bot as they are.
/// </summary>
public abstract class BotTest(Action<NewsBotOptions>? configure = null, Action<IServiceCollection>? services = null) : IDisposable
{
    protected TestBot Bot { get; } = new(configure, services);

    public void Dispose()
    {
        Bot.Dispose();
        GC.SuppressFinalize(this);
    }
}
