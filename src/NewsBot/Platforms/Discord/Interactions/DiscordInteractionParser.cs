namespace NewsBot.Platforms.Discord.Interactions;

/// <summary>Reads an <c>INTERACTION_CREATE</c> payload defensively: anything malformed is refused with a reason, never thrown.</summary>
internal static class DiscordInteractionParser
{
    private const int MaxOptionDepth = 3;

    /// <summary>The interaction, or null with <paramref name="problem"/> saying what was wrong or unsupported.</summary>
    public static DiscordInteraction? TryParse(JsonElement d, out string problem)
    {
        if (d.ValueKind != JsonValueKind.Object)
        {
            problem = "the payload is not an object";
            return null;
        }

        var id = DiscordJson.String(d, "id");
        var token = DiscordJson.String(d, "token");
        var applicationId = DiscordJson.String(d, "application_id");
        if (!DiscordChats.IsSnowflake(id) || string.IsNullOrEmpty(token) || !DiscordChats.IsSnowflake(applicationId))
        {
            problem = "id, application_id or token is missing";
            return null;
        }

        var type = DiscordJson.Integer(d, "type");
        if (type is not ((long)DiscordInteractionKind.Command or (long)DiscordInteractionKind.Component or (long)DiscordInteractionKind.Autocomplete))
        {
            problem = $"interaction type {type?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} is not one NewsBot answers";
            return null;
        }

        var member = DiscordJson.Object(d, "member");
        var user = (member is { } m ? DiscordJson.Object(m, "user") : null) ?? DiscordJson.Object(d, "user");
        var userId = user is { } u ? DiscordJson.String(u, "id") : null;
        if (!DiscordChats.IsSnowflake(userId))
        {
            problem = "the interaction names no user";
            return null;
        }

        var guildId = DiscordJson.String(d, "guild_id");
        var channelId = DiscordJson.String(d, "channel_id") ?? (DiscordJson.Object(d, "channel") is { } c ? DiscordJson.String(c, "id") : null);
        if (guildId is not null && (!DiscordChats.IsSnowflake(guildId) || !DiscordChats.IsSnowflake(channelId)))
        {
            problem = "a server interaction without a usable channel";
            return null;
        }

        var data = DiscordJson.Object(d, "data");
        if (data is null)
        {
            problem = "the interaction has no data";
            return null;
        }

        var kind = (DiscordInteractionKind)type.Value;
        var commandName = kind == DiscordInteractionKind.Component ? null : DiscordJson.String(data.Value, "name");
        var customId = kind == DiscordInteractionKind.Component ? DiscordJson.String(data.Value, "custom_id") : null;
        if (kind == DiscordInteractionKind.Component ? string.IsNullOrEmpty(customId) : string.IsNullOrEmpty(commandName))
        {
            problem = "the interaction names no command or button";
            return null;
        }

        var options = new List<DiscordOptionValue>();
        ReadOptions(data.Value, options, 0);
        problem = string.Empty;
        return new DiscordInteraction(
            id!,
            applicationId!,
            kind,
            token,
            guildId,
            channelId,
            DiscordJson.Object(d, "channel") is { } channel ? DiscordJson.String(channel, "name") : null,
            userId!,
            DisplayName(member, user!.Value),
            Permissions(member),
            commandName,
            options,
            customId)
        {
            Locale = DiscordJson.String(d, "locale"),
            GuildLocale = guildId is null ? null : DiscordJson.String(d, "guild_locale"),
            Channel = DiscordJson.Object(d, "channel") is { } used ? Channel(used) : null,
            ResolvedRoles = Resolved(data.Value, "roles", Role),
            ResolvedChannels = Resolved(data.Value, "channels", Channel),
        };
    }

    private static Dictionary<string, T> Resolved<T>(JsonElement data, string kind, Func<JsonElement, T?> read)
        where T : class
    {
        var found = new Dictionary<string, T>(StringComparer.Ordinal);
        if (DiscordJson.Object(data, "resolved") is not { } resolved || DiscordJson.Object(resolved, kind) is not { } all)
        {
            return found;
        }

        foreach (var item in all.EnumerateObject())
        {
            if (DiscordChats.IsSnowflake(item.Name) && read(item.Value) is { } value)
            {
                found[item.Name] = value;
            }
        }

        return found;
    }

    private static DiscordRole? Role(JsonElement role) =>
        DiscordJson.String(role, "id") is { } id && DiscordChats.IsSnowflake(id)
            ? new DiscordRole(id, DiscordJson.String(role, "name") ?? id, role.TryGetProperty("mentionable", out var m) && m.ValueKind == JsonValueKind.True)
            : null;

    private static DiscordChannelInfo? Channel(JsonElement channel) =>
        DiscordJson.String(channel, "id") is { } id && DiscordChats.IsSnowflake(id)
            ? new DiscordChannelInfo(
                id,
                (int)(DiscordJson.Integer(channel, "type") ?? DiscordChannelTypes.Text),
                DiscordJson.String(channel, "name"),
                DiscordJson.String(channel, "parent_id"),
                Bits(DiscordJson.String(channel, "permissions")))
            : null;

    private static ulong? Bits(string? text) =>
        text is not null && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? bits : null;

    private static void ReadOptions(JsonElement parent, List<DiscordOptionValue> into, int depth)
    {
        if (depth > MaxOptionDepth || !parent.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var option in options.EnumerateArray())
        {
            var name = DiscordJson.String(option, "name");
            if (name is null)
            {
                continue;
            }

            if (option.TryGetProperty("value", out var value))
            {
                var text = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString() ?? string.Empty,
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                    _ => null,
                };
                if (text is not null)
                {
                    var focused = option.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True;
                    into.Add(new DiscordOptionValue(name, text, focused));
                }
            }
            else
            {
                // A sub-command: its own options carry the values.
                ReadOptions(option, into, depth + 1);
            }
        }
    }

    private static string DisplayName(JsonElement? member, JsonElement user)
    {
        var name = (member is { } m ? DiscordJson.String(m, "nick") : null)
            ?? DiscordJson.String(user, "global_name")
            ?? DiscordJson.String(user, "username");
        return string.IsNullOrWhiteSpace(name) ? DiscordJson.String(user, "id") ?? string.Empty : name.Trim();
    }

    private static ulong? Permissions(JsonElement? member) =>
        member is { } m && DiscordJson.String(m, "permissions") is { } text
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            ? bits
            : member is null ? null : 0UL;
}
