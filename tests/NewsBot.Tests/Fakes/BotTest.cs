namespace NewsBot.Tests.Fakes;

/// <summary>A test class whose every test talks to a fresh <see cref="TestBot"/>, disposed after the test.</summary>
public abstract class BotTest : IDisposable
{
    protected TestBot Bot { get; } = new();

    public void Dispose()
    {
        Bot.Dispose();
        GC.SuppressFinalize(this);
    }
}
