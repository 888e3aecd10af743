namespace NewsBot.Tests.Platforms.Discord;

/// <summary>
/// /subscriptions &lt;n&gt; silent|ping through slash commands, and what the pushes look like on
/// the fake Discord API: SUPPRESS_NOTIFICATIONS, and one role mentioned and allowed to be pinged.
/// </summary>
public sealed class DiscordPushOptionsTests : DiscordBotTest
{
    private const string Role = "910000000000000910";
    // A moderator: View Channel and Manage Channels, without Mention Everyone.
    private const string Member = "1040";
    private const string MentionEveryone = "132112";

    private const string Push = "/channels/" + DiscordInteractions.ChannelId + "/messages";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Discord.SubscribeAsync(DiscordInteractions.Command("subscribe", [("query", JsonValue.Create("technology"))], permissions: DiscordInteractions.AllPermissions));
    }

    [Fact]
    public async Task PingAMentionableRole_MentionsExactlyThatRoleInEachPush()
    {
        var answer = await SetAsync("ping", Member, r => r.WithRole(Role, "news-team", mentionable: true));

        await NewStoryAsync();

        Assert.Contains("@news-team", answer.Message!.ToJsonString(), StringComparison.Ordinal);
        var push = Assert.Single(Server.Calls("POST", Push));
        Assert.StartsWith($"<@&{Role}>", (string)push.Body!["content"]!, StringComparison.Ordinal);
        Assert.Equal($$"""{"parse":[],"roles":["{{Role}}"]}""", push.Body["allowed_mentions"]!.ToJsonString());
        Assert.Null(push.Body["flags"]);
    }

    [Fact]
    public async Task Silent_SetsSuppressNotifications_AndTheListShowsIt()
    {
        await SetAsync("silent on", Member);

        var list = await Discord.InteractAsync(DiscordInteractions.Command("subscriptions", permissions: Member));
        await NewStoryAsync();

        Assert.Contains("silent", list.Message!.ToJsonString(), StringComparison.Ordinal);
        var push = Assert.Single(Server.Calls("POST", Push));
        Assert.Equal(4096, (int)push.Body!["flags"]! & 4096);
        Assert.Equal("""{"parse":[]}""", push.Body["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public async Task ARoleThatIsNotMentionable_IsRefusedToAPersonWithoutMentionEveryone()
    {
        var answer = await SetAsync("ping", Member, r => r.WithRole(Role, "staff", mentionable: false));

        Assert.Contains("not mentionable by everyone", answer.Message!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(64, (int)answer.Message["flags"]! & 64);
        await NewStoryAsync();
        Assert.Null(Assert.Single(Server.Calls("POST", Push)).Body!["allowed_mentions"]!["roles"]);
    }

    [Fact]
    public async Task ARoleThatIsNotMentionable_IsAllowedToAPersonWithMentionEveryone()
    {
        var answer = await SetAsync("ping", MentionEveryone, r => r.WithRole(Role, "staff", mentionable: false));

        Assert.Contains("now mentions @staff", answer.Message!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARoleTypedAsAMention_IsLookedUpInTheServersRoles()
    {
        Server.SetRoles(DiscordInteractions.GuildId, (Role, "readers", true));

        var answer = await SetAsync($"ping <@&{Role}>", Member);

        Assert.Contains("@readers", answer.Message!.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(Server.Calls("GET", $"/guilds/{DiscordInteractions.GuildId}/roles"));
    }

    [Fact]
    public async Task AnUnknownRole_GetsAMessage_AndNothingChanges()
    {
        Server.SetRoles(DiscordInteractions.GuildId, ("920000000000000920", "other", true));

        var answer = await SetAsync($"ping <@&{Role}>", MentionEveryone);

        Assert.Contains("no role", answer.Message!.ToJsonString(), StringComparison.Ordinal);
        Assert.True(Assert.Single(await Discord.Bot.Get<ISubscriptionStore>().ListForChatAsync("discord:" + DiscordInteractions.ChannelId, CancellationToken.None)).Options.IsDefault);
    }

    [Fact]
    public async Task TheEveryoneRole_IsNeverPinged()
    {
        var answer = await SetAsync($"ping <@&{DiscordInteractions.GuildId}>", DiscordInteractions.AllPermissions);

        Assert.Contains("does not ping @everyone", answer.Message!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PingOff_StopsTheMention()
    {
        await SetAsync("ping", Member, r => r.WithRole(Role, "news-team", mentionable: true));

        await SetAsync("ping off", Member);
        await NewStoryAsync();

        var push = Assert.Single(Server.Calls("POST", Push));
        Assert.DoesNotContain("<@&", push.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenDiscordCannotSayWhatTheRoleIs_NothingChanges()
    {
        Server.Script($"GET /guilds/{DiscordInteractions.GuildId}/roles", FakeDiscordAnswer.Error(403, 50001, "Missing Access"));

        var answer = await SetAsync($"ping <@&{Role}>", DiscordInteractions.AllPermissions);

        Assert.Contains("nothing changed", answer.Message!.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>/subscriptions number:1 setting:… by a member with <paramref name="permissions"/>, with more options added by <paramref name="extra"/>.</summary>
    private Task<DiscordRestRequest> SetAsync(string setting, string permissions, Func<JsonObject, JsonObject>? extra = null)
    {
        var interaction = DiscordInteractions.Command("subscriptions", [("number", JsonValue.Create(1)), ("setting", JsonValue.Create(setting))], permissions: permissions);
        return Discord.InteractAsync(extra?.Invoke(interaction) ?? interaction);
    }

    private async Task NewStoryAsync()
    {
        await Discord.Bot.IngestAsync(Discord.Bot.Source("Test Wire", "technology"), TestBot.Entry("Robot league adds a night round", "Software robots.", hoursAgo: 0));
        await Discord.Bot.DispatchAsync(Discord.Bot.Get<DiscordChatSender>());
    }
}
