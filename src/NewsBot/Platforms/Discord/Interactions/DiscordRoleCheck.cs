namespace NewsBot.Platforms.Discord.Interactions;

/// <summary>
/// Whether the person behind an interaction may have pushes mention a role: the role must
/// exist in the server and be mentionable, or the person must have Mention Everyone (or be an
/// administrator). The role is read from the interaction when a role option chose it, else from
/// <c>GET /guilds/{id}/roles</c>. The @everyone role (its id is the server's) is refused.
/// </summary>
internal sealed class DiscordRoleCheck(DiscordRestClient rest, ILogger<DiscordRoleCheck> logger)
{
    public const ulong MentionEveryone = 1UL << 17;

    public async ValueTask<RoleCheck> CheckAsync(DiscordInteraction interaction, string roleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.GuildId is not { } guildId)
        {
            return new RoleCheck(RoleMention.UnknownRole, null);
        }

        if (roleId == guildId)
        {
            return new RoleCheck(RoleMention.Everyone, "everyone");
        }

        var role = interaction.ResolvedRoles.GetValueOrDefault(roleId);
        if (role is null)
        {
            try
            {
                role = (await rest.GetRolesAsync(guildId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.Id == roleId);
            }
            catch (Exception ex) when (ex is DiscordApiException or DiscordRateLimitedException or DiscordUnavailableException)
            {
                logger.LogRolesUnread(guildId, ex.Message);
                return new RoleCheck(RoleMention.Unavailable, null);
            }
        }

        if (role is null)
        {
            return new RoleCheck(RoleMention.UnknownRole, null);
        }

        var permissions = interaction.Permissions ?? 0;
        var mayMentionAll = (permissions & (MentionEveryone | DiscordInteractionMapper.Administrator)) != 0;
        return new RoleCheck(role.Mentionable || mayMentionAll ? RoleMention.Allowed : RoleMention.NotAllowed, role.Name);
    }
}
