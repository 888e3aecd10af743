using System.Text.RegularExpressions;

namespace NewsBot.Platforms.Discord;

/// <summary>Checks the Discord section; every message names the key to fix and never repeats a secret.</summary>
internal sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (!TokenShape().IsMatch(options.Token?.Trim() ?? string.Empty))
        {
            failures.Add("Discord:Token must be the bot token from the Developer Portal (Bot → Reset Token): letters, digits, _, - and dots, without the \"Bot \" prefix.");
        }

        if (!IsEmptyOrSnowflake(options.ApplicationId))
        {
            failures.Add("Discord:ApplicationId must be the numeric application id from the Developer Portal (General Information), or empty to learn it at connect.");
        }

        if (!IsEmptyOrSnowflake(options.GuildId))
        {
            failures.Add("Discord:GuildId must be a server's numeric id (Developer Mode → right-click the server → Copy Server ID), or empty to register commands globally.");
        }

        if (!string.IsNullOrWhiteSpace(options.ApiBaseUrl) && !IsUrl(options.ApiBaseUrl, Uri.UriSchemeHttp, Uri.UriSchemeHttps))
        {
            failures.Add("Discord:ApiBaseUrl must be an http(s) URL such as http://127.0.0.1:5000/api/v10, or empty for the real API.");
        }

        if (!string.IsNullOrWhiteSpace(options.GatewayUrl) && !IsUrl(options.GatewayUrl, Uri.UriSchemeWs, Uri.UriSchemeWss))
        {
            failures.Add("Discord:GatewayUrl must be a ws(s) URL such as ws://127.0.0.1:5001, or empty for the real gateway.");
        }

        if (options.ShardCount is < 0 or > DiscordOptions.MaxShardCount)
        {
            failures.Add($"Discord:ShardCount must be a whole number from 1 to {DiscordOptions.MaxShardCount}, or 0 to take Discord's recommendation; got {options.ShardCount}.");
        }

        AnnouncementChannelsCheck.AddFailures(
            failures,
            DiscordOptions.SectionName,
            options.AnnouncementChannels,
            Snowflake(),
            "a channel's numeric id (Developer Mode → right-click the channel → Copy Channel ID)");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsEmptyOrSnowflake(string? value) =>
        string.IsNullOrWhiteSpace(value) || Snowflake().IsMatch(value.Trim());

    private static bool IsUrl(string value, params string[] schemes) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme) && uri.Host.Length > 0;

    [GeneratedRegex(@"^[A-Za-z0-9_-]{10,100}\.[A-Za-z0-9_-]{4,20}\.[A-Za-z0-9_-]{10,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^[0-9]{15,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex Snowflake();
}
