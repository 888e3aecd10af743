namespace NewsBot.Platforms.Discord.Rest;

/// <summary>A slash command as registered with Discord.</summary>
internal sealed record DiscordApplicationCommand
{
    public const int ChatInputType = 1;

    public required string Name { get; init; }

    public int Type { get; init; } = ChatInputType;

    public required string Description { get; init; }

    /// <summary>The name per Discord locale (<c>de</c>, <c>pt-BR</c>); command names stay the words people type everywhere.</summary>
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    /// <summary>The description per Discord locale.</summary>
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    public IReadOnlyList<DiscordCommandOption>? Options { get; init; }

    /// <summary>A permission bit set as a string; "0" shows the command to server administrators only.</summary>
    public string? DefaultMemberPermissions { get; init; }

    /// <summary>Where it may be used: 0 servers, 1 DMs with the bot.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }
}

/// <summary>One option of a slash command.</summary>
internal sealed record DiscordCommandOption
{
    public const int StringType = 3;
    public const int IntegerType = 4;
    public const int ChannelType = 7;
    public const int RoleType = 8;

    public required int Type { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>The option's label per Discord locale.</summary>
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    /// <summary>The option's description per Discord locale.</summary>
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    public bool? Required { get; init; }

    public bool? Autocomplete { get; init; }

    public long? MinValue { get; init; }

    public long? MaxValue { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>For channel options: the channel types offered.</summary>
    public IReadOnlyList<int>? ChannelTypes { get; init; }
}
