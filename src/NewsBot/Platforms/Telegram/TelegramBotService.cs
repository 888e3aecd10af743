using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Platforms.Telegram;

/// <summary>
/// Runs the bot on Telegram: learns its name (getMe), publishes the command menu from the
/// core's catalog (setMyCommands), then receives updates by long polling or through the
/// webhook. In polling mode the offset is stored after each handled update, so a restart
/// neither repeats nor loses one. Polling is a role (Telegram allows one getUpdates consumer per
/// token): among instances on one database one polls, and the next takes over from the stored
/// offset; every instance answers the webhook.
/// </summary>
internal sealed class TelegramBotService(
    ITelegramBotClient bot,
    TelegramUpdateHandler handler,
    TelegramWebhookServer webhook,
    TelegramBotIdentity identity,
    IStateStore state,
    IOptions<TelegramOptions> options,
    TelegramSecrets secrets,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    IEnumerable<IChatSender> senders,
    RoleKeeper roles,
    RoleContext context,
    ILogger<TelegramBotService> logger) : BackgroundService
{
    public const string OffsetStateName = "telegram.offset";

    /// <summary>Seconds a getUpdates call waits for news; well inside the HTTP client's timeout.</summary>
    public const int PollTimeoutSeconds = 50;

    public static readonly UpdateType[] AllowedUpdates =
        [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.InlineQuery, UpdateType.MyChatMember];

    /// <summary>Updates received and not yet answered, at most; Telegram is not asked for more meanwhile.</summary>
    public const int MaxUpdatesInFlight = 64;

    private static readonly TimeSpan MaxCooldown = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ResendPause = TimeSpan.FromSeconds(1);

    /// <summary>Telegram refused the token at start; the service stopped the application.</summary>
    public bool TokenRefused { get; private set; }

    /// <summary>The menu Telegram shows under "/": every command the router answers, except the bot admins' own, described in one language.</summary>
    public static IReadOnlyList<BotCommand> MenuCommands(IEnumerable<CommandInfo> commands, Texts texts) =>
        commands
            .Where(c => c.Audience != CommandAudience.BotAdmins)
            .Select(c => (c.Name, Summary: c.Summary(texts)))
            .Select(c => new BotCommand(c.Name, c.Summary.Length <= 256 ? c.Summary : c.Summary[..255] + "…"))
            .ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!await ConnectAsync(stoppingToken).ConfigureAwait(false))
            {
                return;
            }

            if (options.Value.IsWebhook)
            {
                await webhook.RunAsync(() => RegisterWebhookAsync(stoppingToken), stoppingToken).ConfigureAwait(false);
            }
            else
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    var hold = await roles.HoldAsync(RoleNames.TelegramPolling, stoppingToken).ConfigureAwait(false);
                    using var tenure = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, hold.Lost);
                    using var scope = context.Enter(hold.Lease);
                    try
                    {
                        await PollAsync(tenure.Token).ConfigureAwait(false);
                    }
                    catch (RoleLostException)
                    {
                        // The next owner polls from the offset stored last; what this one did not finish comes again.
                        roles.Refused(hold.Lease);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>getMe until it works, then the menu. False when the token is refused: nothing will ever work.</summary>
    private async Task<bool> ConnectAsync(CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                var me = await bot.GetMe(cancellationToken).ConfigureAwait(false);
                identity.Set(me.Id, me.Username);
                logger.LogConnected(me.Username, options.Value.IsWebhook ? "webhook" : "long polling");
                break;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode is 401 or 404)
            {
                TokenRefused = true;
                logger.LogTokenRefused(ex.ErrorCode, PlatformStop.Stop(PlatformNames.Telegram, senders, lifetime));
                return false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogApiRetrying("reach the Bot API", secrets.Redact(ex));
                await CooldownAsync(failures, cancellationToken).ConfigureAwait(false);
            }
        }

        await PublishMenusAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The menu once for everyone (in English) and once per language, so each person sees the
    /// commands described in the language of their Telegram app.
    /// </summary>
    private async Task PublishMenusAsync(CancellationToken cancellationToken)
    {
        var catalog = LanguageCatalog.Default;
        var menus = new List<(string? Code, Texts Texts)> { (null, catalog.For(catalog.English)) };
        menus.AddRange(catalog.All.Select(l => ((string?)l.TelegramCode, catalog.For(l))));
        foreach (var (code, texts) in menus)
        {
            try
            {
                await bot.SetMyCommands(MenuCommands(CommandCatalog.All, texts), languageCode: code, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The commands work without the menu; the next start tries again.
                logger.LogMenuNotPublished(code ?? "default", secrets.Redact(ex));
            }
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var window = new TelegramUpdateWindow(await state.GetAsync(OffsetStateName, cancellationToken).ConfigureAwait(false));
        await RemoveWebhookAsync(cancellationToken).ConfigureAwait(false);

        var running = new List<Task>();
        var ended = new SemaphoreSlim(0);
        var stored = window.Stored;
        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                running.RemoveAll(t => t.IsCompleted);
                stored = await SaveOffsetAsync(window.Stored, stored, cancellationToken).ConfigureAwait(false);
                if (window.Running >= MaxUpdatesInFlight)
                {
                    await ended.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Update[] updates;
                try
                {
                    updates = await bot.GetUpdates(window.HasOffset ? window.Offset : null, 100, PollTimeoutSeconds, AllowedUpdates, cancellationToken).ConfigureAwait(false);
                    failures = 0;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failures++;
                    if (ex is ApiRequestException { ErrorCode: 409 })
                    {
                        logger.LogConflict();
                    }
                    else
                    {
                        logger.LogApiRetrying("get updates", secrets.Redact(ex));
                    }

                    await CooldownAsync(failures, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var fresh = 0;
                foreach (var update in updates)
                {
                    if (window.TryBegin(update.Id))
                    {
                        fresh++;
                        running.Add(HandleThenEndAsync(update, window, ended, cancellationToken));
                    }
                }

                if (fresh == 0 && window.Running > 0)
                {
                    // Telegram answers at once while unfinished updates are above the offset; wait
                    // for one to finish rather than asking again and again. Real time on purpose:
                    // this only paces requests.
                    await ended.WaitAsync(ResendPause, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: what did not finish stays below the stored offset and comes again.
        }
        finally
        {
            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await SaveOffsetAsync(window.Stored, stored, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleThenEndAsync(Update update, TelegramUpdateWindow window, SemaphoreSlim ended, CancellationToken cancellationToken)
    {
        try
        {
            var delivered = await handler.ScheduleAsync(update, cancellationToken).ConfigureAwait(false);
            await delivered.ConfigureAwait(false);
            window.End(update.Id);
        }
        finally
        {
            ended.Release();
        }
    }

    /// <summary>A webhook left by an earlier deployment would make getUpdates fail with 409.</summary>
    private Task RemoveWebhookAsync(CancellationToken cancellationToken) =>
        UntilDoneAsync("remove a webhook", ct => bot.DeleteWebhook(dropPendingUpdates: false, ct), cancellationToken);

    private async Task RegisterWebhookAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await UntilDoneAsync(
            "set the webhook",
            ct => bot.SetWebhook(settings.WebhookUrl.Trim(), allowedUpdates: AllowedUpdates, secretToken: settings.WebhookSecret.Trim(), cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
        logger.LogWebhookSet(secrets.Redact(settings.WebhookUrl));
    }

    /// <summary>Tries <paramref name="attempt"/> until it works, with a growing pause after each failure.</summary>
    private async Task UntilDoneAsync(string action, Func<CancellationToken, Task> attempt, CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                await attempt(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogApiRetrying(action, secrets.Redact(ex));
                await CooldownAsync(failures, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Stores the window when it changed; returns what is stored now.</summary>
    private async Task<string> SaveOffsetAsync(string current, string stored, CancellationToken cancellationToken)
    {
        if (current == stored || current == "0")
        {
            return stored;
        }

        try
        {
            await state.SetAsync(OffsetStateName, current, cancellationToken).ConfigureAwait(false);
            return current;
        }
        catch (Exception ex) when (ex is not RoleLostException)
        {
            // The updates were handled; at worst some are handled again after a restart.
            logger.LogOffsetNotStored(ex, current);
            return stored;
        }
    }

    private Task CooldownAsync(int failures, CancellationToken cancellationToken)
    {
        var seconds = Math.Min(MaxCooldown.TotalSeconds, Math.Pow(2, Math.Min(failures, 10) - 1));
        return Task.Delay(TimeSpan.FromSeconds(seconds), time, cancellationToken);
    }
}
