namespace NewsBot.Tests.Platforms.Discord;

/// <summary>
/// Discord tells NewsBot each person's locale and each server's: answers follow the person,
/// a server channel's digests follow the server, and the slash commands carry every language.
/// </summary>
public sealed class DiscordLanguageTests : DiscordBotTest
{
    private const int Ephemeral = 64;

    private static JsonObject InServer(JsonObject interaction, string locale, string guildLocale)
    {
        interaction["locale"] = locale;
        interaction["guild_locale"] = guildLocale;
        return interaction;
    }

    [Fact]
    public async Task AGermanServersChannel_GetsGermanDigests_WhileTheEnglishAdminWasAnsweredInEnglish()
    {
        var subscribe = InServer(DiscordInteractions.Command("subscribe", [("query", JsonValue.Create("technology daily 08:00"))], DiscordInteractions.AllPermissions), "en-US", "de");

        var preview = await Discord.InteractAsync(subscribe);
        var answer = await Discord.InteractAsync(DiscordPreviews.Press(subscribe, DiscordPreviews.Confirm(preview.Message)));
        await Discord.Bot.IngestAsync(Discord.Bot.Source("Test Wire", "technology"), TestBot.Entry("Quantum chip doubles its speed", "A chip news story.", hoursAgo: 0));
        Discord.Bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await Discord.Bot.Get<NewsBot.Core.Digests.DigestScheduler>().RunDueAsync(CancellationToken.None));
        await Discord.Bot.DispatchAsync(Discord.Bot.Get<IEnumerable<IChatSender>>().Single(s => s.Platform == "discord"));

        // Discord's markdown shows an escaped bracket as the bracket itself.
        Assert.Contains(@"Subscribed \(#1\): topic technology, daily digest at 08:00.", (string?)answer.Message!["content"], StringComparison.Ordinal);
        var digest = Assert.Single(Discord.Server.Calls("POST", $"/channels/{DiscordInteractions.ChannelId}/messages"));
        var text = digest.Body!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Deine tägliche Zusammenfassung: Technik – ", text, StringComparison.Ordinal);
        Assert.Contains("Quantum chip doubles its speed", text, StringComparison.Ordinal);
        Assert.Contains("vor 20 Std.", text, StringComparison.Ordinal);
        Assert.Contains(@"Lesen mit /read \\<Nummer>.", text, StringComparison.Ordinal); // escaped for Discord, in JSON
        Assert.Equal("de", Discord.Bot.Get<ChatLifecycle>().Find(new ChatAddress("discord", DiscordInteractions.ChannelId))!.Language);
    }

    [Fact]
    public async Task AnEphemeralAnswer_FollowsTheInteractionsLocale_NotTheServers()
    {
        var bookmarks = InServer(DiscordInteractions.Command("bookmarks", permissions: "0"), "ru", "de");

        var answer = await Discord.InteractAsync(bookmarks);

        Assert.Equal(Ephemeral, (int?)answer.Message!["flags"] & Ephemeral);
        Assert.Contains("У вас пока нет закладок.", answer.Message.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheServersLanguage_IsChangedOnlyByItsAdmins_WithLanguage()
    {
        var member = InServer(DiscordInteractions.Command("language", [("code", JsonValue.Create("es"))], "0"), "en-US", "de");
        var admin = InServer(DiscordInteractions.Command("language", [("code", JsonValue.Create("es"))], DiscordInteractions.AllPermissions), "en-US", "de");

        var refused = await Discord.InteractAsync(member);
        var before = Discord.Bot.Get<ChatLifecycle>().Find(new ChatAddress("discord", DiscordInteractions.ChannelId))?.Language;
        var changed = await Discord.InteractAsync(admin);

        Assert.Contains("Only this chat's admins can change its language.", (string?)refused.Message!["content"], StringComparison.Ordinal);
        Assert.NotEqual("es", before);
        Assert.Contains("A partir de ahora, los avisos y resúmenes de este chat estarán en Español.", (string?)changed.Message!["content"], StringComparison.Ordinal);
        Assert.Equal("es", Discord.Bot.Get<ChatLifecycle>().Find(new ChatAddress("discord", DiscordInteractions.ChannelId))!.Language);
    }

    [Fact]
    public async Task TheRegisteredCommands_CarryEveryLanguage()
    {
        await Discord.DispatchAsync("READY", new JsonObject { ["application"] = new JsonObject { ["id"] = FakeDiscordRest.ApplicationId }, ["session_id"] = "s", ["resume_gateway_url"] = "wss://x" });
        var put = await Discord.Server.WaitForAsync(r => r.Method == "PUT", TimeSpan.FromSeconds(5));

        var latest = put.Body!.AsArray().Single(c => (string?)c!["name"] == "latest")!;
        Assert.Equal("Die neuesten Artikel", (string?)latest["description_localizations"]!["de"]);
        Assert.Equal("Самые свежие статьи", (string?)latest["description_localizations"]!["ru"]);
        Assert.Equal("latest", (string?)latest["name_localizations"]!["zh-CN"]);
        Assert.Equal("seite", (string?)latest["options"]![0]!["name_localizations"]!["de"]);
    }
}
