namespace NewsBot.Platforms.Discord;

/// <summary>
/// Runs the bot on Discord for the host's lifetime: the gateway's shards bring interactions in (and READY
/// registers the slash commands), the REST client answers. When Discord refuses the bot — a fatal
/// close code, or the REST side meeting 401 — Discord alone stops; the host stops too only when
/// no other platform is running, so Telegram and the feeds carry on.
/// </summary>
internal sealed class DiscordBotService(
    DiscordShards gateway,
    DiscordShutdown shutdown,
    IEnumerable<IChatSender> senders,
    IHostApplicationLifetime lifetime,
    ILogger<DiscordBotService> logger) : BackgroundService
{
    private const int AuthenticationFailedCloseCode = 4004;

    /// <summary>Discord refused the token (gateway close 4004 or REST 401).</summary>
    public bool TokenRefused { get; private set; }

    /// <summary>
    /// Discord refused the bot for good: its token, or a setting such as the intents or the
    /// sharding (fatal close codes 4010–4014). The exit code says so when Discord ran alone.
    /// </summary>
    public bool Refused { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, shutdown.Token);
        await gateway.RunAsync(linked.Token).ConfigureAwait(false);
        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        TokenRefused = shutdown.IsShutDown || gateway.StopReason?.CloseCode == AuthenticationFailedCloseCode;
        Refused = TokenRefused || gateway.StopReason?.IsFatal == true;
        logger.LogCannotRun(PlatformStop.Stop(PlatformNames.Discord, senders, lifetime));
    }
}
