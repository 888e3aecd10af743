namespace NewsBot.Platforms.Discord.Rest;

/// <summary>
/// One REST call's address and its rate-limit identity. <see cref="Template"/> names the route
/// without ids (what logs show: it never holds a token); <see cref="Major"/> is the top-level
/// resource that partitions Discord's buckets (a channel, a guild, a webhook with its token).
/// </summary>
/// <param name="Path">Relative to the API base, e.g. <c>channels/500/messages</c>.</param>
/// <param name="Template">Method and path with placeholders, e.g. <c>POST channels/{channel}/messages</c>.</param>
/// <param name="Major">The major parameter's value, e.g. <c>channel:500</c>; empty when there is none.</param>
/// <param name="IsInteractionCallback">Interaction callbacks are exempt from the global limit.</param>
internal sealed record DiscordRoute(HttpMethod Method, string Path, string Template, string Major, bool IsInteractionCallback = false)
{
    /// <summary>The key of this route's own bucket until Discord names the shared one.</summary>
    public string Key => Template + "|" + Major;

    /// <summary>Safe to send again after a timeout: Discord applies it at most once either way.</summary>
    public bool IsIdempotent => Method == HttpMethod.Get || Method == HttpMethod.Put || Method == HttpMethod.Patch || Method == HttpMethod.Delete;

    public static DiscordRoute Get(string path, string template, string major = "") => new(HttpMethod.Get, path, "GET " + template, major);

    public static DiscordRoute Post(string path, string template, string major = "") => new(HttpMethod.Post, path, "POST " + template, major);

    public static DiscordRoute Patch(string path, string template, string major = "") => new(HttpMethod.Patch, path, "PATCH " + template, major);

    public override string ToString() => Template;
}
