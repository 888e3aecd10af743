namespace NewsBot.Tests.Fakes;

/// <summary>
/// A <see cref="TestBot"/> with a scripted Telegram sender for pushes, and news stamped with the
/// fake clock's own time so that it counts as new however far a test moves the clock.
/// </summary>
public sealed class DeliveryRig : IDisposable
{
    private int _links;

    public DeliveryRig(Action<NewsBotOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        Bot = new TestBot(configure, s =>
        {
            s.AddSingleton<IChatSender>(Telegram);
            services?.Invoke(s);
        });
        Wire = Bot.Source("Wire");
    }

    public TestBot Bot { get; }

    public ScriptedSender Telegram { get; } = new();

    public FeedSource Wire { get; }

    public IOutboxStore Outbox => Bot.Get<IOutboxStore>();

    /// <summary>Stores articles published a few minutes before the fake clock's now, as a poll would.</summary>
    public Task<IReadOnlyList<Article>> NewsAsync(params string[] titles) =>
        Bot.IngestAsync(Wire, titles.Select(t => Entry(t)).ToArray());

    public FeedEntry Entry(string title, string summary = "", TimeSpan? age = null)
    {
        var link = $"https://news.example/{Interlocked.Increment(ref _links)}";
        return new FeedEntry(null, title, link, Bot.Time.GetUtcNow() - (age ?? TimeSpan.FromMinutes(5)), null, null, summary, [], null);
    }

    /// <summary>One dispatch round (for Telegram unless another sender is given); the fake clock moves on while the pacer makes it wait.</summary>
    public async Task<int> DispatchAsync(IChatSender? sender = null)
    {
        var round = Bot.Get<DeliveryDispatcher>().DispatchRoundAsync(sender ?? Telegram, CancellationToken.None, CancellationToken.None);
        for (var i = 0; i < 1000 && !round.IsCompleted; i++)
        {
            await Task.Delay(1);
            Bot.Time.Advance(TimeSpan.FromMilliseconds(250));
        }

        return (await round.WaitAsync(TimeSpan.FromSeconds(10))).Sent;
    }

    public void Dispose() => Bot.Dispose();
}
