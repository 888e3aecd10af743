namespace NewsBot.Core.Commands;

/// <summary>
/// A change to how one subscription arrives, as typed after <c>/subscriptions</c>:
/// <c>&lt;n&gt; silent on|off</c>, <c>&lt;n&gt; ping &lt;role&gt;</c> or <c>&lt;n&gt; ping off</c>.
/// A role is Discord's mention <c>&lt;@&amp;id&gt;</c>, <c>@id</c> or the bare id (a slash
/// command's role option hands over the id); with a role the word <c>ping</c> may be left out.
/// </summary>
public sealed record SubscriptionSetting(int Number, bool? Silent, string? PingRole, bool PingOff)
{
    private static readonly string[] OnWords = ["on", "yes", "true"];
    private static readonly string[] OffWords = ["off", "no", "false", "none"];

    /// <summary>The change, or null when the words are not one (the answer then shows the syntax).</summary>
    public static SubscriptionSetting? Parse(string arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var words = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length is < 2 or > 3
            || !int.TryParse(words[0].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var setting = words[1].ToLowerInvariant();
        var value = words.Length == 3 ? words[2] : null;
        switch (setting)
        {
            case "silent" or "quiet" when value is null || OnWords.Contains(value, StringComparer.OrdinalIgnoreCase):
                return new SubscriptionSetting(number, true, null, false);
            case "silent" or "quiet" when OffWords.Contains(value, StringComparer.OrdinalIgnoreCase):
                return new SubscriptionSetting(number, false, null, false);
            case "loud" or "sound" when value is null:
                return new SubscriptionSetting(number, false, null, false);
            case "ping" or "mention" when value is null:
                return new SubscriptionSetting(number, null, null, false);
            case "ping" or "mention" when OffWords.Contains(value, StringComparer.OrdinalIgnoreCase):
                return new SubscriptionSetting(number, null, null, true);
            case "ping" or "mention" when RoleId(value!) is { } role:
                return new SubscriptionSetting(number, null, role, false);
            default:
                return value is null && RoleId(words[1]) is { } bare ? new SubscriptionSetting(number, null, bare, false) : null;
        }
    }

    /// <summary>The role's id from <c>&lt;@&amp;id&gt;</c>, <c>@id</c> or <c>id</c>; null for anything else.</summary>
    public static string? RoleId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var id = text.StartsWith("<@&", StringComparison.Ordinal) && text.EndsWith('>') ? text[3..^1] : text.TrimStart('@');
        return id.Length is >= 1 and <= 20 && id.All(char.IsAsciiDigit) ? id : null;
    }
}
