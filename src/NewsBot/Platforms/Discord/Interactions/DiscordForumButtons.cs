namespace NewsBot.Platforms.Discord.Interactions;

/// <summary>
/// Buttons under an answer about a forum or media channel (chosen with the <c>forum</c> option)
/// carry that forum, because their press arrives from the channel the answer was shown in:
/// <c>/subscribe forum:&lt;id&gt; confirm 3</c>. Without it, Subscribe under a forum's preview
/// or Undo under its answer would act on the wrong chat.
/// </summary>
internal static class DiscordForumButtons
{
    private const string Marker = DiscordChats.ForumPrefix;

    /// <summary>The reply with its command buttons aimed at the forum when <paramref name="chat"/> is one; a button that no longer fits is left out.</summary>
    public static Reply Aimed(Reply reply, ChatAddress chat)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (DiscordChats.Parse(chat) is not { IsForum: true, ChannelId: { } forumId } || reply.Buttons.Count == 0)
        {
            return reply;
        }

        var buttons = reply.Buttons.Select(b => b.WithFirstArgument(Marker + forumId)).OfType<ReplyButton>().ToList();
        return reply with { Buttons = buttons };
    }

    /// <summary>The forum a pressed command is aimed at and the command without it; no forum when it carries none.</summary>
    public static (string? ForumId, string Command) Split(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var space = command.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !command.AsSpan(space + 1).StartsWith(Marker, StringComparison.Ordinal))
        {
            return (null, command);
        }

        var start = space + 1 + Marker.Length;
        var end = command.IndexOf(' ', start);
        var id = end < 0 ? command[start..] : command[start..end];
        return DiscordChats.IsSnowflake(id)
            ? (id, command[..space] + (end < 0 ? string.Empty : command[end..]))
            : (null, command);
    }
}
