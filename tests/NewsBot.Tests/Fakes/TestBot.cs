using NewsBot.Core;

namespace NewsBot.Tests.Fakes;

/// <summary>
/// The real command core over a real LiteDB file in a temp folder, with a fake clock.
/// Send it text as a person would and read the answer as the terminal shows it.
/// </summary>
public sealed class TestBot : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private readonly IHost _host;

    /// <summary>
    /// Composed the way the host composes the bot (<c>AddNewsBotCore</c>, <c>AddDelivery</c>,
    /// <c>AddStorage</c>), with stand-ins for the feed probe, the admins and the announcement
    /// channels. <paramref name="settings"/> are configuration keys as in appsettings.json;
    /// <paramref name="compose"/> adds areas (a platform, say); <paramref name="services"/> swaps
    /// in test doubles last. Nothing starts: the hosted services are not registered. It is alone
    /// on its database, PostgreSQL included, so it holds every role for good, as on LiteDB.
    /// </summary>
    public TestBot(
        Action<NewsBotOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IHostApplicationBuilder>? compose = null)
    {
        Time = new ObservedClock(Now);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _directory.Path });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.AddNewsBotCore();
        builder.AddDelivery();
        builder.AddStorage();
        builder.Services.Configure<NewsBotOptions>(o =>
        {
            o.DataDirectory = _directory.Path;
            o.PageSize = 5;
            o.Topics = new(StringComparer.OrdinalIgnoreCase)
            {
                ["technology"] = ["software", "chip", "robot"],
                ["science"] = ["telescope", "research"],
                ["sports"] = ["league", "marathon"],
            };
            configure?.Invoke(o);
        });
        builder.Services.AddSingleton<NewsBot.Core.Articles.IFeedProbe>(Probe);
        builder.Services.AddSingleton<NewsBot.Core.Reading.IPageTextReader>(Pages);
        builder.Services.AddSingleton<NewsBot.Core.Announcements.IAdminNotifier>(Admins);
        builder.Services.AddSingleton<NewsBot.Core.Announcements.IAnnouncementChannels>(Channels);
        compose?.Invoke(builder);
        builder.Services.AddSingleton<IRoleLeases, SingleProcessRoleLeases>();
        services?.Invoke(builder.Services);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true }));
        _host = builder.Build();
    }

    public ObservedClock Time { get; }

    public FakeFeedProbe Probe { get; } = new();

    public FakePageTextReader Pages { get; } = new();

    public RecordingAdminNotifier Admins { get; } = new();

    public FixedAnnouncementChannels Channels { get; } = new();

    public string DataDirectory => _directory.Path;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>
    /// A configured source. Synchronous so fixtures can add one in their constructors: the
    /// LiteDB store completes at once.
    /// </summary>
    public FeedSource Source(string name = "Test Wire", params string[] topics) =>
        Get<ISourceStore>().EnsureAsync(name, $"https://{name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}.example/feed", topics, fromConfiguration: true, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>Stores entries as if read from the source's feed; returns what was new.</summary>
    public Task<IReadOnlyList<Article>> IngestAsync(FeedSource source, params FeedEntry[] entries) =>
        Get<ArticleIngestor>().IngestAsync(source, entries, CancellationToken.None);

    public static FeedEntry Entry(string title, string summary = "", int hoursAgo = 1, string? link = null, string[]? categories = null, string? id = null) =>
        new(id, title, link ?? $"https://news.example/{Uri.EscapeDataString(title.ToLowerInvariant().Replace(' ', '-'))}",
            Now.AddHours(-hoursAgo), null, null, summary, categories ?? [], null);

    public Task<Reply?> ReplyToAsync(string text, ChatKind kind = ChatKind.Private, bool isChatAdmin = true, string user = "telegram:1", string chat = "telegram:1") =>
        Get<CommandRouter>().HandleAsync(
            new IncomingMessage(ChatAddress.Parse(chat), kind, kind == ChatKind.Private ? null : "Test group", ParseUser(user), "Ada", text, isChatAdmin),
            "NewsBot", CancellationToken.None).AsTask();

    /// <summary>The answer as the terminal renders it, or null when the bot stays silent.</summary>
    public async Task<string?> SendAsync(string text, ChatKind kind = ChatKind.Private, bool isChatAdmin = true, string user = "telegram:1", string chat = "telegram:1")
    {
        var reply = await ReplyToAsync(text, kind, isChatAdmin, user, chat);
        return reply is null ? null : TerminalRenderer.Render(reply, Time.GetUtcNow());
    }

    /// <summary>
    /// Sends a /subscribe and, when it answers with a preview, confirms it as its asker would
    /// with the Subscribe button; the answer to the confirm (or the refusal), as the terminal renders it.
    /// </summary>
    public async Task<string?> SubscribeAsync(string text, ChatKind kind = ChatKind.Private, bool isChatAdmin = true, string user = "telegram:1", string chat = "telegram:1")
    {
        var reply = await ReplyToAsync(text, kind, isChatAdmin, user, chat);
        var confirm = reply?.Buttons.FirstOrDefault(b => b.Command?.StartsWith("/subscribe confirm ", StringComparison.Ordinal) == true);
        if (confirm is not null)
        {
            reply = await Get<CommandRouter>().HandleAsync(
                new IncomingMessage(ChatAddress.Parse(chat), kind, kind == ChatKind.Private ? null : "Test group", ParseUser(user), "Ada", confirm.Command!, isChatAdmin, IsButton: true) { PressedKind = ButtonKind.Confirm },
                "NewsBot", CancellationToken.None);
        }

        return reply is null ? null : TerminalRenderer.Render(reply, Time.GetUtcNow());
    }

    /// <summary>One dispatch round through <paramref name="sender"/>, the fake clock moving on while the pacer makes it wait; returns how many were sent.</summary>
    public async Task<int> DispatchAsync(IChatSender sender)
    {
        var round = Get<DeliveryDispatcher>().DispatchRoundAsync(sender, CancellationToken.None, CancellationToken.None);
        for (var i = 0; i < 1000 && !round.IsCompleted; i++)
        {
            await Task.Delay(1);
            Time.Advance(TimeSpan.FromMilliseconds(250));
        }

        return (await round.WaitAsync(TimeSpan.FromSeconds(10))).Sent;
    }

    public void Dispose()
    {
        _host.Dispose();
        _directory.Dispose();
    }

    private static UserAddress ParseUser(string key)
    {
        var chat = ChatAddress.Parse(key);
        return new UserAddress(chat.Platform, chat.Id);
    }
}
