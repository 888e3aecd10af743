namespace NewsBot.Platforms.Telegram;

/// <summary>
/// Keeps the bot token and webhook secret out of log lines. The Bot API carries the token in
/// every request URL, so any text that might echo a URL goes through here before it is logged.
/// </summary>
internal sealed class TelegramSecrets
{
    private const string Mask = "[redacted]";
    private readonly string[] _secrets;

    public TelegramSecrets(IOptions<TelegramOptions> options)
    {
        var token = options.Value.Token.Trim();
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        _secrets = new[] { token, colon >= 0 ? token[(colon + 1)..] : string.Empty, options.Value.WebhookSecret.Trim() }
            .Where(s => s.Length >= 8)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The exception itself when its text holds no secret; otherwise a stand-in carrying the redacted text.</summary>
    public Exception Redact(Exception exception)
    {
        var text = exception.ToString();
        return _secrets.Any(s => text.Contains(s, StringComparison.Ordinal))
            ? new RedactedException(exception.GetType().Name, Redact(text))
            : exception;
    }

    /// <summary>Stands in for an exception whose message or stack held a secret.</summary>
    private sealed class RedactedException(string originalType, string redactedText) : Exception($"{originalType} (redacted)")
    {
        public override string ToString() => redactedText;
    }
}
