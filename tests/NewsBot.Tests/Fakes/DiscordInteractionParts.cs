namespace NewsBot.Tests.Fakes;

/// <summary>Adds what Discord puts into an interaction for threads, forum posts and role and channel options.</summary>
public static class DiscordInteractionParts
{
    /// <summary>The interaction was used in a thread (type 11) of <paramref name="parentId"/>, which may be a forum (a forum post).</summary>
    public static JsonObject InThread(this JsonObject interaction, string threadId, string parentId, string name = "launch-day")
    {
        interaction["channel_id"] = threadId;
        interaction["channel"] = new JsonObject
        {
            ["id"] = threadId,
            ["type"] = 11,
            ["name"] = name,
            ["parent_id"] = parentId,
            ["thread_metadata"] = new JsonObject { ["archived"] = false, ["locked"] = false },
        };
        return interaction;
    }

    /// <summary>A role option (type 8) with the role as <c>data.resolved.roles</c> describes it.</summary>
    public static JsonObject WithRole(this JsonObject interaction, string roleId, string name, bool mentionable, bool resolved = true)
    {
        Options(interaction).Add(new JsonObject { ["name"] = "role", ["type"] = 8, ["value"] = roleId });
        if (resolved)
        {
            Resolved(interaction, "roles")[roleId] = new JsonObject { ["id"] = roleId, ["name"] = name, ["mentionable"] = mentionable, ["permissions"] = "0" };
        }

        return interaction;
    }

    /// <summary>The <c>forum</c> channel option, naming a forum (15) or media (16) channel, with the member's permissions there.</summary>
    public static JsonObject WithForum(this JsonObject interaction, string forumId, int type = 15, string name = "news-forum", string permissions = DiscordInteractions.AllPermissions)
    {
        Options(interaction).Add(new JsonObject { ["name"] = "forum", ["type"] = 7, ["value"] = forumId });
        Resolved(interaction, "channels")[forumId] = new JsonObject { ["id"] = forumId, ["type"] = type, ["name"] = name, ["permissions"] = permissions };
        return interaction;
    }

    /// <summary>A <c>THREAD_UPDATE</c> or <c>THREAD_DELETE</c> payload.</summary>
    public static JsonObject Thread(string threadId, bool archived, bool locked) => new()
    {
        ["id"] = threadId,
        ["type"] = 11,
        ["guild_id"] = DiscordInteractions.GuildId,
        ["thread_metadata"] = new JsonObject { ["archived"] = archived, ["locked"] = locked },
    };

    private static JsonArray Options(JsonObject interaction)
    {
        var data = interaction["data"]!.AsObject();
        if (data["options"] is not JsonArray options)
        {
            options = [];
            data["options"] = options;
        }

        return options;
    }

    private static JsonObject Resolved(JsonObject interaction, string kind)
    {
        var data = interaction["data"]!.AsObject();
        if (data["resolved"] is not JsonObject resolved)
        {
            resolved = [];
            data["resolved"] = resolved;
        }

        if (resolved[kind] is not JsonObject all)
        {
            all = [];
            resolved[kind] = all;
        }

        return all;
    }
}
