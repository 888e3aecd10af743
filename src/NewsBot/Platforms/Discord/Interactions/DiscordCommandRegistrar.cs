using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Commands;
using NewsBot.Platforms.Discord.Rest;

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
    ILogger<DiscordCommandRegistrar> logger)
{
    private int _done;

    public IReadOnlyList<DiscordApplicationCommand> Desired => DiscordSlashCommands.Build(router.Commands);

    /// <summary>
    /// Registers the commands once per run; later calls (after a reconnect) do nothing. Without an
    /// application id it asks Discord for it first. True when the commands are in place.
    /// </summary>
    public async Task<bool> EnsureRegisteredAsync(string? applicationId, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _done) == 1)
        {
            return true;
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
                logger.LogInformation("Discord slash commands are up to date {Where} ({Count} commands)", where, desired.Count);
            }
            else
            {
                await rest.OverwriteCommandsAsync(applicationId, guildId, desired, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Registered {Count} Discord slash commands {Where}", desired.Count, where);
            }

            Volatile.Write(ref _done, 1);
            return true;
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordRateLimitedException or DiscordUnavailableException)
        {
            logger.LogError("Could not register the Discord slash commands {Where}: {Reason}", where, ex.Message);
            return false;
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
            Options = command.Options is { Count: > 0 } list
                ? list.Select(o => o with { Required = o.Required == true ? true : null, Autocomplete = o.Autocomplete == true ? true : null }).ToList()
                : null,

            // Discord leaves contexts out on some answers; that is not a difference worth a rewrite.
            Contexts = command.Contexts ?? wanted.Contexts,
        };
        return JsonSerializer.Serialize(normal, DiscordJson.Options);
    }
}
