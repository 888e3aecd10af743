using NewsBot.Platforms.Discord.Interactions;

namespace NewsBot.Platforms.Discord.Rest;

/// <summary>The calls for threads, forum posts and roles.</summary>
internal sealed partial class DiscordRestClient
{
    /// <summary>Discord's longest thread name.</summary>
    public const int MaxThreadName = 100;

    /// <summary>
    /// Starts a post in a forum or media channel (<c>POST /channels/{id}/threads</c>) with the
    /// message as its first message; returns the new thread's id. Never waits on a rate limit.
    /// </summary>
    public async Task<string> StartForumPostAsync(string forumId, string name, DiscordMessage message, CancellationToken cancellationToken)
    {
        DiscordMessageLimits.EnsureValid(message);
        if (name.Length is 0 or > MaxThreadName)
        {
            throw new ArgumentException($"A thread name has 1 to {MaxThreadName} characters; this one has {name.Length}.", nameof(name));
        }

        // The nonce is a property of channel messages only; a forum post's first message does not take one.
        var route = DiscordRoute.Post($"channels/{Id(forumId)}/threads", "channels/{channel}/threads", "channel:" + forumId);
        var body = new ForumPost(name, message with { Nonce = null, EnforceNonce = null });
        using var answer = await SendAsync(route, body, patient: false, retrySafe: false, cancellationToken).ConfigureAwait(false);
        var id = DiscordJson.String(answer.RootElement, "id");
        return DiscordChats.IsSnowflake(id) ? id! : throw new DiscordApiException(200, 0, "the forum post came back without a usable id", route.Template);
    }

    /// <summary>Takes a thread out of the archive (<c>PATCH /channels/{id}</c> with <c>archived: false</c>).</summary>
    public async Task UnarchiveThreadAsync(string threadId, CancellationToken cancellationToken)
    {
        var route = DiscordRoute.Patch($"channels/{Id(threadId)}", "channels/{channel}", "channel:" + threadId);
        using var _ = await SendAsync(route, new ThreadState(Archived: false), patient: false, retrySafe: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The server's roles (<c>GET /guilds/{id}/roles</c>).</summary>
    public async Task<IReadOnlyList<DiscordRole>> GetRolesAsync(string guildId, CancellationToken cancellationToken)
    {
        var route = DiscordRoute.Get($"guilds/{Id(guildId)}/roles", "guilds/{guild}/roles", "guild:" + guildId);
        using var answer = await SendAsync(route, null, patient: true, retrySafe: true, cancellationToken).ConfigureAwait(false);
        var roles = new List<DiscordRole>();
        if (answer.RootElement.ValueKind != JsonValueKind.Array)
        {
            return roles;
        }

        foreach (var role in answer.RootElement.EnumerateArray())
        {
            if (DiscordJson.String(role, "id") is { } id && DiscordChats.IsSnowflake(id))
            {
                roles.Add(new DiscordRole(id, DiscordJson.String(role, "name") ?? id, role.TryGetProperty("mentionable", out var m) && m.ValueKind == JsonValueKind.True));
            }
        }

        return roles;
    }

    private sealed record ForumPost(string Name, DiscordMessage Message);

    private sealed record ThreadState(bool Archived);
}
