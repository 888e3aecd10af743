namespace NewsBot.Platforms.Discord.Interactions;

/// <summary>
/// Keeps Discord's slash commands equal to the command table: reads what is registered and
/// overwrites it in one request only when it differs, so restarts do not use up Discord's
/// 200 command creates a day. In <c>Discord:GuildId</c> when set (changes show at once), else globally.
/// </summary>
internal sealed class DiscordCommandRegistrar(
    DiscordRestClient rest,
    CommandRouter router,
    DiscordApplication application,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordCommandRegistrar> logger)
{
    /// <summary>Tries after a temporary failure (rate limit, Discord unavailable) before waiting for the next session.</summary>
    public const int Attempts = 5;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(15);

    private int _done;

    public IReadOnlyList<DiscordApplicationCommand> Desired => DiscordSlashCommands.Build(router.Commands);

    /// <summary>
    /// Registers the commands once per run; later calls (after a reconnect) do nothing. Without an
    /// application id it asks Discord for it first. A temporary failure (rate limit, Discord
    /// unavailable) is tried again after a growing wait, up to <see cref="Attempts"/> times.
    /// True when the commands are in place.
    /// </summary>
    public async Task<bool> EnsureRegisteredAsync(string? applicationId, CancellationToken cancellationToken)
    {
        var wait = FirstRetry;
        for (var attempt = 1; ; attempt++)
        {
            var (done, retryAfter) = await TryRegisterAsync(applicationId, attempt, cancellationToken).ConfigureAwait(false);
            if (done || retryAfter is null)
            {
                return done;
            }

            var delay = retryAfter.Value > wait ? retryAfter.Value : wait;
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            wait *= 2;
        }
    }

    /// <returns>Whether the commands are in place; when not, how long to wait before trying again, or null to give up.</returns>
    private async Task<(bool Done, TimeSpan? RetryAfter)> TryRegisterAsync(string? applicationId, int attempt, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _done) == 1)
        {
            return (true, null);
        }

        var guildId = string.IsNullOrWhiteSpace(options.Value.GuildId) ? null : options.Value.GuildId.Trim();
        var where = guildId is null ? "globally" : $"in server {guildId}";
        try
        {
            if (applicationId is null)
            {
                applicationId = await rest.GetApplicationIdAsync(cancellationToken).ConfigureAwait(false);
                application.Learn(applicationId);
            }

            var desired = Desired;
            using var current = await rest.GetCommandsAsync(applicationId, guildId, cancellationToken).ConfigureAwait(false);
            if (Same(current.RootElement, desired))
            {
                logger.LogUpToDate(where, desired.Count);
            }
            else
            {
                await rest.OverwriteCommandsAsync(applicationId, guildId, desired, cancellationToken).ConfigureAwait(false);
                logger.LogRegistered(desired.Count, where);
            }

            Volatile.Write(ref _done, 1);
            return (true, null);
        }
        catch (Exception ex) when (attempt < Attempts && ex is DiscordRateLimitedException or DiscordUnavailableException { IsTransient: true })
        {
            var retryAfter = ex is DiscordRateLimitedException limited ? limited.RetryAfter : TimeSpan.Zero;
            logger.LogRegistrationRetrying(where, ex.Message);
            return (false, retryAfter);
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordRateLimitedException or DiscordUnavailableException)
        {
            logger.LogNotRegistered(where, ex.Message);
            return (false, null);
        }
    }

    /// <summary>Whether what Discord has is what NewsBot would register (ids, versions and defaults aside).</summary>
    public static bool Same(JsonElement registered, IReadOnlyList<DiscordApplicationCommand> desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        if (registered.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        List<DiscordApplicationCommand> current;
        try
        {
            current = registered.Deserialize<List<DiscordApplicationCommand>>(DiscordJson.Options) ?? [];
        }
        catch (JsonException)
        {
            return false;
        }

        var wanted = desired.ToDictionary(c => c.Name, StringComparer.Ordinal);
        return current.Count == desired.Count
            && current.All(c => wanted.TryGetValue(c.Name, out var w) && Canonical(c, w) == Canonical(w, w));
    }

    private static string Canonical(DiscordApplicationCommand command, DiscordApplicationCommand wanted)
    {
        var normal = command with
        {
            NameLocalizations = Sorted(command.NameLocalizations),
            DescriptionLocalizations = Sorted(command.DescriptionLocalizations),
            Options = command.Options is { Count: > 0 } list
                ? list.Select(o => o with
                {
                    Required = o.Required == true ? true : null,
                    Autocomplete = o.Autocomplete == true ? true : null,
                    NameLocalizations = Sorted(o.NameLocalizations),
                    DescriptionLocalizations = Sorted(o.DescriptionLocalizations),
                }).ToList()
                : null,

            // Discord leaves contexts out on some answers; that is not a difference worth a rewrite.
            Contexts = command.Contexts ?? wanted.Contexts,
        };
        return JsonSerializer.Serialize(normal, DiscordJson.Options);
    }

    // Discord may list a command's localizations in another order, or leave an empty set out.
    private static SortedDictionary<string, string>? Sorted(IReadOnlyDictionary<string, string>? localized) =>
        localized is { Count: > 0 } ? new SortedDictionary<string, string>(localized.ToDictionary(), StringComparer.Ordinal) : null;
}
