namespace NewsBot.Core;

/// <summary>Checks the NewsBot section; each failure names the key to fix.</summary>
internal sealed class NewsBotOptionsValidator : IValidateOptions<NewsBotOptions>
{
    private static readonly string[] KnownPlatforms = [PlatformNames.Telegram, PlatformNames.Discord, PlatformNames.Terminal];

    public ValidateOptionsResult Validate(string? name, NewsBotOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("NewsBot:DataDirectory must name a folder for the database, e.g. \"data\".");
        }

        if (options.PageSize is < 1 or > 20)
        {
            failures.Add($"NewsBot:PageSize must be between 1 and 20; got {options.PageSize}.");
        }

        if (options.Retention < TimeSpan.FromDays(1))
        {
            failures.Add($"NewsBot:Retention must be at least one day (1.00:00:00); got {options.Retention:c}.");
        }

        if (options.CommandBurst is < 1 or > 1000)
        {
            failures.Add($"NewsBot:CommandBurst must be between 1 and 1000; got {options.CommandBurst}.");
        }

        if (options.CommandsPerMinute is < 0 or > 6000)
        {
            failures.Add($"NewsBot:CommandsPerMinute must be between 0 (no limit) and 6000; got {options.CommandsPerMinute}.");
        }

        for (var i = 0; i < options.Admins.Count; i++)
        {
            var admin = options.Admins[i] ?? string.Empty;
            var colon = admin.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == admin.Length - 1 || !KnownPlatforms.Contains(admin[..colon], StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"NewsBot:Admins:{i} must look like \"telegram:123456\" or \"discord:80351110224678912\"; got \"{admin}\".");
            }
        }

        foreach (var (topic, keywords) in options.Topics)
        {
            if (string.IsNullOrWhiteSpace(topic) || topic.Length > 40 || topic.Contains(' ', StringComparison.Ordinal))
            {
                failures.Add($"NewsBot:Topics has a topic named \"{topic}\"; topic names must be one word of at most 40 characters.");
            }
            else if (keywords is null || keywords.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"NewsBot:Topics:{topic} must be a list of non-empty keywords.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
