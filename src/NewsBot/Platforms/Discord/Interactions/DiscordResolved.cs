namespace NewsBot.Platforms.Discord.Interactions;

/// <summary>A role as an interaction's <c>data.resolved.roles</c> or <c>GET /guilds/{id}/roles</c> describes it.</summary>
internal sealed record DiscordRole(string Id, string Name, bool Mentionable);

/// <summary>
/// A channel an interaction names: where it was used (<c>channel</c>) or a channel option's
/// choice (<c>data.resolved.channels</c>), with the member's permissions there when Discord tells them.
/// </summary>
internal sealed record DiscordChannelInfo(string Id, int Type, string? Name, string? ParentId, ulong? Permissions)
{
    public bool IsThread => DiscordChannelTypes.IsThread(Type);

    public bool IsForum => DiscordChannelTypes.IsForum(Type);
}
