namespace NewsBot.Platforms.Discord.Interactions;

/// <summary>The interaction kinds NewsBot answers.</summary>
internal enum DiscordInteractionKind
{
    Command = 2,
    Component = 3,
    Autocomplete = 4,
}

/// <summary>One option as the person filled it in; <see cref="Focused"/> marks the one being typed (autocomplete).</summary>
internal sealed record DiscordOptionValue(string Name, string Value, bool Focused);

/// <summary>
/// An <c>INTERACTION_CREATE</c> reduced to what NewsBot needs, copied out of the gateway's JSON
/// (which is only valid during the dispatch call).
/// </summary>
/// <param name="Permissions">The member's permissions in the channel; null outside a server.</param>
internal sealed record DiscordInteraction(
    string Id,
    string ApplicationId,
    DiscordInteractionKind Kind,
    string Token,
    string? GuildId,
    string? ChannelId,
    string? ChannelName,
    string UserId,
    string UserName,
    ulong? Permissions,
    string? CommandName,
    IReadOnlyList<DiscordOptionValue> Options,
    string? CustomId)
{
    /// <summary>The language of the person's Discord app (<c>locale</c>), such as <c>de</c> or <c>pt-BR</c>.</summary>
    public string? Locale { get; init; }

    /// <summary>The server's preferred language (<c>guild_locale</c>); null outside a server.</summary>
    public string? GuildLocale { get; init; }

    /// <summary>The channel it was used in as Discord describes it (type, parent of a thread); null when not given.</summary>
    public DiscordChannelInfo? Channel { get; init; }

    /// <summary>Roles chosen in role options (<c>data.resolved.roles</c>), by id.</summary>
    public IReadOnlyDictionary<string, DiscordRole> ResolvedRoles { get; init; } = new Dictionary<string, DiscordRole>();

    /// <summary>Channels chosen in channel options (<c>data.resolved.channels</c>), by id.</summary>
    public IReadOnlyDictionary<string, DiscordChannelInfo> ResolvedChannels { get; init; } = new Dictionary<string, DiscordChannelInfo>();

    public bool InServer => GuildId is not null;

    public DiscordOptionValue? Focused => Options.FirstOrDefault(o => o.Focused);
}
