namespace NewsBot.Monitoring;

/// <summary>Checks the Monitoring section; each failure names the key and never repeats the token.</summary>
internal sealed class MonitoringOptionsValidator : IValidateOptions<MonitoringOptions>
{
    /// <summary>Shorter tokens can be guessed by anyone who can reach the port.</summary>
    public const int MinTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, MonitoringOptions options)
    {
        var failures = new List<string>();
        var token = options.AccessToken?.Trim() ?? string.Empty;
        if (token.Length > 0 && token.Length < MinTokenLength)
        {
            failures.Add($"Monitoring:AccessToken must be at least {MinTokenLength} characters long (a random string, e.g. from `openssl rand -hex 24`).");
        }

        if (options.Enabled)
        {
            if (!ListenAddress.TryParse(options.ListenUrl, out var address, out var problem))
            {
                failures.Add(problem);
            }
            else if (!address!.IsLoopback && token.Length == 0)
            {
                failures.Add($"Monitoring:AccessToken must be set when Monitoring:ListenUrl ({address.Url}) is reachable from other machines; it protects the status page. Use a random string of at least {MinTokenLength} characters, or listen on 127.0.0.1.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
