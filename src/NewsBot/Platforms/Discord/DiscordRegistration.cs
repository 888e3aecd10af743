using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsBot.Platforms.Discord.Interactions;

namespace NewsBot.Platforms.Discord;

/// <summary>
/// Binds the <c>Discord</c> section (its announcement channels are read from it) and, when
/// <c>Discord:Token</c> is set, checks it at start and adds the adapter: the REST side and the
/// gateway.
/// </summary>
internal static class DiscordRegistration
{
    public const string HttpClientName = "discord";

    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        if (builder.AddPlatformSection<DiscordOptions, DiscordOptionsValidator>(DiscordOptions.SectionName))
        {
            AddServices(builder.Services);
            AddGateway(builder.Services);
        }

        return builder;
    }

    /// <summary>The gateway's shards and the hosted service that runs them for the host's lifetime.</summary>
    private static void AddGateway(IServiceCollection services)
    {
        services.TryAddSingleton(new GatewayTimings());
        services.AddSingleton<IdentifyTurns>();
        services.AddSingleton<DiscordShards>();
        services.AddHostedSingleton<DiscordBotService>();
    }

    /// <summary>
    /// The REST client with its limiter and breakers, the chat sender
    /// (an <see cref="IChatSender"/>), the announcer, slash-command registration and the
    /// gateway's dispatch handler (<see cref="IDiscordDispatchHandler"/>), plus
    /// <see cref="IGatewayBotSource"/> for the gateway's discovery.
    /// </summary>
    private static void AddServices(IServiceCollection services)
    {
        services.TryAddSingleton(new DiscordRestTuning());
        services.TryAddSingleton(new DiscordInteractionTuning());

        // No logging handlers: request lines would carry interaction and webhook tokens in their
        // paths. Retries and pacing belong to the client's own limiter.
        services.AddHttpClient(HttpClientName).RemoveAllLoggers();
        services.AddSingletons(typeof(DiscordShutdown), typeof(DiscordRateLimiter), typeof(InvalidRequestGuard));
        services.AddSingleton(provider => new DiscordRestClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetRequiredService<DiscordRateLimiter>(),
            provider.GetRequiredService<InvalidRequestGuard>(),
            provider.GetRequiredService<DiscordShutdown>(),
            provider.GetRequiredService<DiscordRestTuning>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<DiscordRestClient>>(),
            provider.GetService<NewsBot.Core.Telemetry.NewsBotMetrics>()));
        services.AddSingleton<IGatewayBotSource>(provider => provider.GetRequiredService<DiscordRestClient>());

        services.AddSingletonAs<IChatSender, DiscordChatSender>();
        services.AddSingleton<DiscordAnnouncer>();

        services.AddSingletons(typeof(DiscordApplication), typeof(DiscordCommandRegistrar), typeof(DiscordAutocomplete),
            typeof(DiscordRoleCheck), typeof(DiscordInteractionResponder));
        services.AddSingletonAs<IDiscordDispatchHandler, DiscordDispatchHandler>();
    }
}
