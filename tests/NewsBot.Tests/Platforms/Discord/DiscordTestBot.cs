namespace NewsBot.Tests.Platforms.Discord;

/// <summary>
/// The real command core (LiteDB in a temp folder, fake clock) with the Discord adapter
/// registered as the host registers it, pointed at a <see cref="FakeDiscordRest"/>. Events go in
/// as the gateway hands them over; what the bot answered is read from the fake's records.
/// </summary>
public sealed class DiscordTestBot : IAsyncDisposable
{
    private DiscordTestBot(FakeDiscordRest server, TestBot bot)
    {
        Server = server;
        Bot = bot;
    }

    public FakeDiscordRest Server { get; }

    public TestBot Bot { get; }

    /// <summary>Articles ingested at start: technology and science news.</summary>
    public IReadOnlyList<Article> Articles { get; private set; } = [];

    internal DiscordDispatchHandler Handler => Bot.Get<DiscordDispatchHandler>();

    internal static async Task<DiscordTestBot> StartAsync(DiscordInteractionTuning? tuning = null, string guildId = "")
    {
        var server = await FakeDiscordRest.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = FakeDiscordRest.Token,
            ["Discord:ApiBaseUrl"] = server.ApiBaseUrl,
            ["Discord:GuildId"] = guildId,
        };
        var bot = new TestBot(settings: settings, compose: builder => builder.AddDiscord(), services: services =>
        {
            // Rate-limit windows pass in real time here: the core's clock stands still on purpose.
            services.AddSingleton(provider => new DiscordRateLimiter(TimeProvider.System, provider.GetRequiredService<DiscordRestTuning>()));
            if (tuning is not null)
            {
                services.AddSingleton(tuning);
            }
        });
        var started = new DiscordTestBot(server, bot);
        var source = bot.Source("Test Wire", "technology");
        started.Articles = await bot.IngestAsync(source, TestBot.Entry("Chip plant opens in Veltrona", "A new chip plant opens.", hoursAgo: 1), TestBot.Entry("Robot league season starts", "Software robots compete.", hoursAgo: 2), TestBot.Entry("Telescope maps faint galaxies", "New research from the telescope.", hoursAgo: 3, categories: ["science"]));
        for (var i = 0; i < 12; i++)
        {
            await bot.IngestAsync(source, TestBot.Entry($"Software update number {i}", "More software news.", hoursAgo: 4 + i));
        }

        return started;
    }

    /// <summary>Hands the event to the dispatch handler as the gateway would, and waits until it is answered.</summary>
    public async Task DispatchAsync(string eventName, JsonNode data)
    {
        using var document = JsonDocument.Parse(data.ToJsonString());
        await Handler.HandleAsync(eventName, document.RootElement, CancellationToken.None);
        await Handler.DrainAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Sends an interaction and returns the callback Discord received for it.</summary>
    public async Task<DiscordRestRequest> InteractAsync(JsonObject interaction)
    {
        await DispatchAsync("INTERACTION_CREATE", interaction);
        var id = (string)interaction["id"]!;
        return await Server.WaitForAsync(r => r.Path.StartsWith($"/interactions/{id}/", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// A /subscribe interaction and, when it answers with a preview, the press of its Subscribe
    /// button by the same person where they asked; the answer to the press, or the refusal.
    /// </summary>
    public async Task<DiscordRestRequest> SubscribeAsync(JsonObject interaction)
    {
        var answer = await InteractAsync(interaction);
        return answer.Message?.ToJsonString().Contains("c:/subscribe ", StringComparison.Ordinal) == true
            ? await InteractAsync(DiscordPreviews.Press(interaction, DiscordPreviews.Confirm(answer.Message)))
            : answer;
    }

    /// <summary>Every request made with this interaction's token after the callback (edits of the original, follow-ups).</summary>
    public IReadOnlyList<DiscordRestRequest> Followups(JsonObject interaction) =>
        Server.Requests.Where(r => r.Path.StartsWith($"/webhooks/{FakeDiscordRest.ApplicationId}/{(string)interaction["token"]!}", StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        await Handler.DisposeAsync();
        Bot.Dispose();
        await Server.DisposeAsync();
    }
}
