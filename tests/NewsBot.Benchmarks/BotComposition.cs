using Microsoft.Extensions.Configuration;
using NewsBot.Benchmarks.Ingest;
using NewsBot.Core;
using NewsBot.Core.Announcements;
using NewsBot.Core.Reading;
using NewsBot.Core.Settings;

namespace NewsBot.Benchmarks;

/// <summary>
/// The bot's core composed as the host composes it (<c>AddNewsBotCore</c>, <c>AddDelivery</c>,
/// <c>AddStorage</c>), on a system clock, with stand-ins for what the scenarios do not time:
/// feed probes, admin notices and announcement channels. Nothing starts.
/// </summary>
internal static class BotComposition
{
    /// <param name="services">Registered last, so an instance a scenario already opened (the database, a filled index) wins.</param>
    /// <param name="settings">Configuration keys as in appsettings.json, such as <c>Storage:Provider</c> to measure on PostgreSQL.</param>
    public static IHost Create(string dataDirectory, Action<NewsBotOptions> configure, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        // The content root must exist before the host is made; the app makes its data folder too.
        Directory.CreateDirectory(dataDirectory);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = dataDirectory });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddNewsBotCore();
        builder.AddDelivery();
        builder.AddStorage();
        builder.Services.Configure<NewsBotOptions>(o =>
        {
            o.DataDirectory = dataDirectory;
            configure(o);
        });

        // /feeds is not timed; its handler still needs a probe to be constructed. Nor are
        // whole articles' pages or announcements; their handlers need a page reader, somewhere
        // to report and a channel list.
        builder.Services.AddSingleton<IFeedProbe, NoFeedProbe>();
        builder.Services.AddSingleton<IPageTextReader, NoPageTextReader>();
        builder.Services.AddSingleton<IAdminNotifier, CountingAdminNotifier>();
        builder.Services.AddSingleton<IAnnouncementChannels, NoAnnouncementChannels>();
        services?.Invoke(builder.Services);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return builder.Build();
    }

    private sealed class NoFeedProbe : IFeedProbe
    {
        public Task<FeedProbeResult> ProbeAsync(string url, CancellationToken cancellationToken) =>
            Task.FromResult(new FeedProbeResult(null, null, 0, "The benchmark does not probe feeds.", false));
    }

    private sealed class NoPageTextReader : IPageTextReader
    {
        public Task<PageText> ReadAsync(string url, CancellationToken cancellationToken) =>
            Task.FromResult(PageText.Failed(FullTextProblem.Unreachable));
    }

    private sealed class NoAnnouncementChannels : IAnnouncementChannels
    {
        public IReadOnlyList<ChatAddress> All => [];
    }
}
