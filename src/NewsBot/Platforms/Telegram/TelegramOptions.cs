namespace NewsBot.Platforms.Telegram;

/// <summary>The <c>Telegram</c> configuration section. Telegram starts only when <see cref="Token"/> is set.</summary>
internal sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    public const string PollingMode = "Polling";
    public const string WebhookMode = "Webhook";

    /// <summary>The bot token from @BotFather (<c>123456789:ABC…</c>). A secret: never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>Another Bot API server (self-hosted or a test server); empty means the real one.</summary>
    public string ApiBaseUrl { get; set; } = "";

    /// <summary><c>Polling</c> (the default) or <c>Webhook</c>.</summary>
    public string Mode { get; set; } = PollingMode;

    /// <summary>The public https address Telegram posts updates to, in webhook mode.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>Sent back by Telegram in <c>X-Telegram-Bot-Api-Secret-Token</c>; 1–256 of A-Z a-z 0-9 _ -.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Where the webhook's local web server listens, e.g. <c>http://0.0.0.0:8080</c> behind a reverse proxy.</summary>
    public string WebhookListenUrl { get; set; } = "http://0.0.0.0:8080";

    /// <summary>Channels (<c>@name</c> or <c>-100…</c> ids) where the bot is an admin and posts announcements.</summary>
    public IList<string> AnnouncementChannels { get; } = [];

    public bool IsWebhook => string.Equals(Mode, WebhookMode, StringComparison.OrdinalIgnoreCase);

    /// <summary>The path of <see cref="WebhookUrl"/>, which the local web server answers on.</summary>
    public string WebhookPath =>
        Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) && uri.AbsolutePath.Length > 1 ? uri.AbsolutePath : "/";
}
