using Telegram.Bot;

namespace NewsBot.Platforms.Telegram;

/// <summary>
/// Binds the <c>Telegram</c> section (its announcement channels are read from it) and, when
/// <c>Telegram:Token</c> is set, checks it at start and adds the adapter.
/// </summary>
internal static class TelegramRegistration
{
    public const string HttpClientName = "telegram";

    public static IHostApplicationBuilder AddTelegram(this IHostApplicationBuilder builder)
    {
        if (!builder.AddPlatformSection<TelegramOptions, TelegramOptionsValidator>(TelegramOptions.SectionName))
        {
            return builder;
        }

        var services = builder.Services;

        // No logging handlers: the Bot API puts the token in every request URL. No resilience
        // handler either: its attempt timeout would cut long polls, and pacing has one owner.
        services.AddHttpClient(HttpClientName).RemoveAllLoggers();
        services.AddSingleton<ITelegramBotClient>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var baseUrl = string.IsNullOrWhiteSpace(options.ApiBaseUrl) ? null : options.ApiBaseUrl.Trim();
            var clientOptions = new TelegramBotClientOptions(options.Token.Trim(), baseUrl) { RetryThreshold = 0 };
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new TelegramBotClient(clientOptions, http);
        });

        services.AddSingletons(typeof(TelegramSecrets), typeof(TelegramBotIdentity), typeof(TelegramChatAdmins));
        services.AddSingleton<IChannelAccess, TelegramChannelAccess>();
        services.AddSingletons(typeof(TelegramReplySender), typeof(TelegramReplyQueue), typeof(TelegramInlineQueries),
            typeof(TelegramUpdateHandler), typeof(TelegramWebhookServer));
        services.AddSingletonAs<IChatSender, TelegramChatSender>();
        services.AddHostedSingleton<TelegramBotService>();

        return builder;
    }
}
