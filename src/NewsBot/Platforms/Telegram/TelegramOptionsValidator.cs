using System.Text.RegularExpressions;

namespace NewsBot.Platforms.Telegram;

/// <summary>Checks the Telegram section; every message names the key to fix and never repeats a secret.</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        if (!TokenShape().IsMatch(options.Token ?? string.Empty))
        {
            failures.Add("Telegram:Token must be the token @BotFather gives, shaped like 123456789:ABC-your-token (digits, a colon, then letters, digits, _ or -).");
        }

        if (!string.IsNullOrWhiteSpace(options.ApiBaseUrl) && !IsHttpUrl(options.ApiBaseUrl, httpsOnly: false))
        {
            failures.Add("Telegram:ApiBaseUrl must be an http(s) URL such as http://localhost:8081, or empty for the real Bot API.");
        }

        var polling = string.Equals(options.Mode, TelegramOptions.PollingMode, StringComparison.OrdinalIgnoreCase);
        if (!polling && !options.IsWebhook)
        {
            failures.Add("Telegram:Mode must be Polling or Webhook.");
        }

        if (options.IsWebhook)
        {
            if (!IsHttpUrl(options.WebhookUrl, httpsOnly: true))
            {
                failures.Add("Telegram:WebhookUrl must be the public https URL Telegram sends updates to, e.g. https://bot.example.com/telegram/webhook, when Telegram:Mode is Webhook.");
            }

            if (!SecretShape().IsMatch(options.WebhookSecret ?? string.Empty))
            {
                failures.Add("Telegram:WebhookSecret must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - when Telegram:Mode is Webhook.");
            }

            if (!IsHttpUrl(options.WebhookListenUrl, httpsOnly: false))
            {
                failures.Add("Telegram:WebhookListenUrl must be the local address to listen on, like http://0.0.0.0:8080.");
            }
        }

        AnnouncementChannelsCheck.AddFailures(
            failures,
            TelegramOptions.SectionName,
            options.AnnouncementChannels,
            ChannelShape(),
            "a channel's @username or its numeric id such as -1001234567890");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value, bool httpsOnly) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp))
        && uri.Host.Length > 0;

    [GeneratedRegex(@"^[0-9]{1,20}:[A-Za-z0-9_-]{1,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretShape();

    [GeneratedRegex(@"^(@[A-Za-z][A-Za-z0-9_]{3,31}|-[0-9]{1,20})$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelShape();
}
