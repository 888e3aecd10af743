namespace NewsBot.Platforms.Discord.Rest;

/// <summary>
/// Discord's size limits for a message, checked before any request: a breach is a bug on
/// NewsBot's side and would only earn a 400 (and count toward nothing useful).
/// </summary>
internal static class DiscordMessageLimits
{
    public const int Content = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTotal = 6000;
    public const int Title = 256;
    public const int Description = 4096;
    public const int Fields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int FooterText = 2048;
    public const int AuthorName = 256;
    public const int ActionRows = 5;
    public const int ButtonsPerRow = 5;
    public const int ButtonLabel = 80;
    public const int CustomId = 100;
    public const int Url = 512;

    /// <summary>Every limit the message breaks, in words; empty when it may be sent.</summary>
    public static IReadOnlyList<string> Breaches(DiscordMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var breaches = new List<string>();
        Check(breaches, "content", message.Content, Content);
        var embeds = message.Embeds ?? [];
        CheckCount(breaches, "embeds", embeds.Count, EmbedsPerMessage);

        foreach (var embed in embeds)
        {
            Check(breaches, "embed title", embed.Title, Title);
            Check(breaches, "embed description", embed.Description, Description);
            Check(breaches, "embed footer", embed.Footer?.Text, FooterText);
            Check(breaches, "embed author", embed.Author?.Name, AuthorName);
            var fields = embed.Fields ?? [];
            CheckCount(breaches, "fields in an embed", fields.Count, Fields);

            foreach (var field in fields)
            {
                Check(breaches, "field name", field.Name, FieldName);
                Check(breaches, "field value", field.Value, FieldValue);
                if (string.IsNullOrWhiteSpace(field.Name) || string.IsNullOrWhiteSpace(field.Value))
                {
                    breaches.Add("a field has an empty name or value");
                }
            }
        }

        CheckCount(breaches, "characters in the embeds together", embeds.Sum(EmbedLength), EmbedTotal);
        var rows = message.Components ?? [];
        CheckCount(breaches, "rows of buttons", rows.Count, ActionRows);

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var button in rows.SelectMany(r => r.Components))
        {
            Check(breaches, "button label", button.Label, ButtonLabel);
            if (button.CustomId is { } id && (id.Length is 0 or > CustomId || !customIds.Add(id)))
            {
                breaches.Add($"a button's custom_id is empty, repeated or longer than {CustomId} characters");
            }

            if (button.Url is { Length: > Url })
            {
                breaches.Add($"a link button's url is longer than {Url} characters");
            }
        }

        if (rows.Any(r => r.Components.Count is 0 or > ButtonsPerRow))
        {
            breaches.Add($"a row has no buttons or more than {ButtonsPerRow}");
        }

        if (string.IsNullOrEmpty(message.Content) && embeds.Count == 0 && rows.Count == 0)
        {
            breaches.Add("the message is empty");
        }

        return breaches;
    }

    /// <summary>The characters an embed adds to the 6,000 total.</summary>
    public static int EmbedLength(DiscordEmbed embed)
    {
        ArgumentNullException.ThrowIfNull(embed);
        return (embed.Title?.Length ?? 0)
            + (embed.Description?.Length ?? 0)
            + (embed.Footer?.Text.Length ?? 0)
            + (embed.Author?.Name.Length ?? 0)
            + (embed.Fields ?? []).Sum(f => f.Name.Length + f.Value.Length);
    }

    /// <summary>Throws before sending a message Discord would refuse.</summary>
    public static void EnsureValid(DiscordMessage message)
    {
        var breaches = Breaches(message);
        if (breaches.Count > 0)
        {
            throw new ArgumentException("The message breaks Discord's limits: " + string.Join("; ", breaches), nameof(message));
        }
    }

    private static void CheckCount(List<string> breaches, string what, int count, int limit)
    {
        if (count > limit)
        {
            breaches.Add($"{count} {what} (at most {limit})");
        }
    }

    private static void Check(List<string> breaches, string what, string? value, int limit)
    {
        if (value is { } text && text.Length > limit)
        {
            breaches.Add($"{what} has {text.Length} characters (at most {limit})");
        }
    }
}
