namespace NewsBot.Platforms.Discord.Rest;

/// <summary>
/// A message as NewsBot sends it: to a channel, as an interaction answer, or as a follow-up.
/// <see cref="AllowedMentions"/> defaults to "ping nobody", because feed titles and user text are echoed.
/// </summary>
internal sealed record DiscordMessage
{
    /// <summary>The ephemeral flag: only the person who used the command sees the answer.</summary>
    public const int EphemeralFlag = 1 << 6;

    /// <summary>SUPPRESS_NOTIFICATIONS: the message arrives without a push notification or sound.</summary>
    public const int SilentFlag = 1 << 12;

    public string? Content { get; init; }

    public IReadOnlyList<DiscordEmbed>? Embeds { get; init; }

    public IReadOnlyList<DiscordActionRow>? Components { get; init; }

    public DiscordAllowedMentions AllowedMentions { get; init; } = DiscordAllowedMentions.None;

    public int? Flags { get; init; }

    /// <summary>With <see cref="EnforceNonce"/>, a retry of the same send cannot post twice.</summary>
    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }
}

/// <summary>
/// Which mentions in a message may notify anyone; <see cref="None"/> lets nothing ping, and
/// <see cref="Roles"/> lists the only roles that may be.
/// </summary>
internal sealed record DiscordAllowedMentions(IReadOnlyList<string> Parse, IReadOnlyList<string>? Roles = null)
{
    public static DiscordAllowedMentions None { get; } = new([]);
}

/// <summary>A rich embed (the only kind a bot may send).</summary>
internal sealed record DiscordEmbed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    public int? Color { get; init; }

    public string? Timestamp { get; init; }

    public IReadOnlyList<DiscordEmbedField>? Fields { get; init; }

    public DiscordEmbedFooter? Footer { get; init; }

    public DiscordEmbedAuthor? Author { get; init; }

    public DiscordEmbedImage? Image { get; init; }

    public DiscordEmbedImage? Thumbnail { get; init; }
}

internal sealed record DiscordEmbedField(string Name, string Value, bool? Inline = null);

internal sealed record DiscordEmbedFooter(string Text);

internal sealed record DiscordEmbedAuthor(string Name, string? Url = null);

internal sealed record DiscordEmbedImage(string Url);

/// <summary>A row of up to five buttons.</summary>
internal sealed record DiscordActionRow(IReadOnlyList<DiscordButton> Components)
{
    public int Type { get; init; } = 1;
}

/// <summary>A button: a command button carries its command line as <see cref="CustomId"/>; a link button has a <see cref="Url"/>.</summary>
internal sealed record DiscordButton
{
    public const int SecondaryStyle = 2;
    public const int LinkStyle = 5;

    public int Type { get; init; } = 2;

    public required int Style { get; init; }

    public required string Label { get; init; }

    public string? CustomId { get; init; }

    public string? Url { get; init; }
}
