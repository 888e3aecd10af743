namespace NewsBot.Tests.Platforms.Discord;

/// <summary>One fake Discord and one bot shared by the class; tests keep to their own channels and people.</summary>
public sealed class DiscordBotFixture : IAsyncLifetime
{
    public DiscordTestBot Discord { get; private set; } = null!;

    public async Task InitializeAsync() => Discord = await DiscordTestBot.StartAsync();

    public async Task DisposeAsync() => await Discord.DisposeAsync();
}

public sealed class DiscordInteractionTests(DiscordBotFixture fixture) : IClassFixture<DiscordBotFixture>
{
    private const int Ephemeral = 64;
    private const string ManageGuild = "32";
    private const string ManageChannels = "16";
    private const string SendMessagesOnly = "3072";

    private static long _next = 610_000_000_000_000_000;

    private DiscordTestBot Discord => fixture.Discord;

    private string ArticleId => Discord.Articles[0].Id.ToString(CultureInfo.InvariantCulture);

    public static TheoryData<string> CatalogCommands() => new(CommandCatalog.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CatalogCommands))]
    public async Task SlashCommand_InADm_IsAnsweredThroughTheCoreWithAMessageThatPingsNobody(string name)
    {
        var command = CommandCatalog.Find(name)!;
        var user = UniqueUser();
        var interaction = DiscordInteractions.Command(name, command.Arguments.Where(a => a.Required).Select(a => (a.Name, (JsonNode)SampleValue(a))), userId: user);

        var callback = await Discord.InteractAsync(interaction);

        Assert.Equal(4, callback.CallbackType);
        Assert.Equal(204, callback.Status);
        var data = callback.Message!;
        Assert.True(data["content"] is not null || data["embeds"] is JsonArray { Count: > 0 }, data.ToJsonString());
        Assert.Equal("""{"parse":[]}""", data["allowed_mentions"]!.ToJsonString());
        if (command.Audience == CommandAudience.EachUser)
        {
            Assert.Equal(Ephemeral, (int?)data["flags"] & Ephemeral);
        }

        Assert.All(Discord.Followups(interaction), f => Assert.True(f.Succeeded));
    }

    [Fact]
    public async Task SlashCommand_OptionsAreRebuiltIntoTheCommandLineInUsageOrder()
    {
        var interaction = DiscordInteractions.Command("topic", [("page", JsonValue.Create(2)), ("name", JsonValue.Create("technology"))], userId: UniqueUser());

        var callback = await Discord.InteractAsync(interaction);

        var text = callback.Message!.ToJsonString();
        Assert.Contains("technology", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("I don't know", text, StringComparison.Ordinal);
        Assert.Equal("/topic technology 2", DiscordInteractionMapper.CommandLine("topic", [new("page", "2", false), new("name", "technology", false)]));
    }

    [Theory]
    [InlineData(ManageGuild)]
    [InlineData(ManageChannels)]
    [InlineData(DiscordInteractions.AllPermissions)]
    public async Task Subscribe_InAServerChannel_ByAMemberWhoManagesIt_AddsTheChannelsSubscription(string permissions)
    {
        var channel = UniqueChannel();
        var interaction = DiscordInteractions.Command("subscribe", [("query", JsonValue.Create("technology"))], permissions, UniqueUser(), channelId: channel);

        var preview = await Discord.InteractAsync(interaction);
        var callback = await Discord.InteractAsync(DiscordPreviews.Press(interaction, DiscordPreviews.Confirm(preview.Message)));

        Assert.Null((int?)preview.Message!["flags"]);
        Assert.Null((int?)callback.Message!["flags"]);
        var subscription = Assert.Single(await Discord.Bot.Get<ISubscriptionStore>().ListForChatAsync("discord:" + channel, CancellationToken.None));
        Assert.Equal("technology", subscription.Query, ignoreCase: true);
        var chat = Discord.Bot.Get<ChatLifecycle>().Find(ChatAddress.Parse("discord:" + channel))!;
        Assert.Equal(ChatKind.GuildChannel, chat.Kind);
        Assert.Equal("#news", chat.Title);
    }

    [Fact]
    public async Task Subscribe_InAServerChannel_ByAMemberWithoutManageRights_IsRefusedPrivately()
    {
        var channel = UniqueChannel();
        var interaction = DiscordInteractions.Command("subscribe", [("query", JsonValue.Create("technology"))], SendMessagesOnly, UniqueUser(), channelId: channel);

        var callback = await Discord.InteractAsync(interaction);

        Assert.Equal(Ephemeral, (int?)callback.Message!["flags"]);
        Assert.Contains("admins", callback.Message.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await Discord.Bot.Get<ISubscriptionStore>().ListForChatAsync("discord:" + channel, CancellationToken.None));
    }

    [Fact]
    public async Task Subscribe_InADm_IsAllowedToAnyoneForTheirOwnMessages()
    {
        var user = UniqueUser();

        var subscribe = DiscordInteractions.Command("subscribe", [("query", JsonValue.Create("science"))], userId: user);
        var preview = await Discord.InteractAsync(subscribe);
        await Discord.InteractAsync(DiscordPreviews.Press(subscribe, DiscordPreviews.Confirm(preview.Message)));

        Assert.Single(await Discord.Bot.Get<ISubscriptionStore>().ListForChatAsync("discord:dm:" + user, CancellationToken.None));
        Assert.Equal(ChatKind.Private, Discord.Bot.Get<ChatLifecycle>().Find(ChatAddress.Parse("discord:dm:" + user))!.Kind);
    }

    [Fact]
    public async Task PageButton_UpdatesTheMessageItIsOn()
    {
        var callback = await Discord.InteractAsync(DiscordInteractions.Button("p:/latest 2", ManageGuild, UniqueUser()));

        Assert.Equal(7, callback.CallbackType);
        Assert.NotNull(callback.Message!["embeds"]);
    }

    [Fact]
    public async Task ReadButton_AnswersWithTheArticleCard()
    {
        var callback = await Discord.InteractAsync(DiscordInteractions.Button("/read " + ArticleId, ManageGuild, UniqueUser()));

        Assert.Equal(4, callback.CallbackType);
        var embed = callback.Message!["embeds"]![0]!;
        Assert.Equal(Discord.Articles[0].Title, (string?)embed["title"]);
        Assert.Equal("#" + ArticleId, (string?)embed["footer"]!["text"]);
    }

    [Fact]
    public async Task ForeignButton_GetsAPrivateNoteInsteadOfSilence()
    {
        var callback = await Discord.InteractAsync(DiscordInteractions.Button("sub:toggle:500", ManageGuild, UniqueUser()));

        Assert.Equal(4, callback.CallbackType);
        Assert.Equal(Ephemeral, (int?)callback.Message!["flags"]);
        Assert.Equal(LanguageCatalog.Default.For(LanguageCatalog.EnglishCode).Get(DiscordInteractionResponder.StaleButton), (string?)callback.Message["content"]);
    }

    [Fact]
    public async Task TopicAutocomplete_SuggestsTopicsFromTheArticleIndex()
    {
        var callback = await Discord.InteractAsync(DiscordInteractions.Autocomplete("topic", "name", "tech", userId: UniqueUser()));

        Assert.Equal(8, callback.CallbackType);
        var choices = callback.Body!["data"]!["choices"]!.AsArray();
        var first = choices[0]!;
        Assert.Equal("technology", (string?)first["value"]);
        Assert.StartsWith("technology (", (string?)first["name"], StringComparison.Ordinal);
        Assert.DoesNotContain(choices, c => (string?)c!["value"] == "science");
    }

    [Fact]
    public async Task ArticleIdAutocomplete_ForUnbookmark_SuggestsThePersonsBookmarks()
    {
        var user = UniqueUser();
        var saved = Discord.Articles[1];
        await Discord.InteractAsync(DiscordInteractions.Command("bookmark", [("id", JsonValue.Create(saved.Id))], userId: user));

        var callback = await Discord.InteractAsync(DiscordInteractions.Autocomplete("unbookmark", "id", "", userId: user));

        var choice = Assert.Single(callback.Body!["data"]!["choices"]!.AsArray());
        Assert.Equal(saved.Id, (int)choice!["value"]!);
        Assert.Contains(saved.Title, (string?)choice["name"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interaction_DeliveredTwice_IsAnsweredOnce()
    {
        var interaction = DiscordInteractions.Command("topics", userId: UniqueUser());

        await Discord.InteractAsync(interaction);
        await Discord.DispatchAsync("INTERACTION_CREATE", interaction);

        Assert.Single(Discord.Server.Requests, r => r.Path.StartsWith($"/interactions/{(string)interaction["id"]!}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnreadableInteraction_WithAnAddress_GetsAPrivateExplanation()
    {
        var interaction = DiscordInteractions.Command("latest", userId: UniqueUser());
        interaction.Remove("user");

        var callback = await Discord.InteractAsync(interaction);

        Assert.Equal(Ephemeral, (int?)callback.Message!["flags"]);
        Assert.Equal(LanguageCatalog.Default.For(LanguageCatalog.EnglishCode).Get(DiscordInteractionResponder.Unreadable), (string?)callback.Message["content"]);
    }

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("\"text\"")]
    [InlineData("{}")]
    [InlineData("{\"id\":\"abc\",\"type\":2,\"token\":\"t\"}")]
    [InlineData("{\"id\":\"123456789012345678\",\"application_id\":\"200000000000000200\",\"type\":99,\"token\":\"t\",\"user\":{\"id\":\"600\"}}")]
    public async Task GarbagePayload_IsIgnoredWithoutAnswerOrFailure(string json)
    {
        var before = Discord.Server.Requests.Count;

        await Discord.DispatchAsync("INTERACTION_CREATE", JsonNode.Parse(json)!);

        Assert.Equal(before, Discord.Server.Requests.Count);
    }

    [Fact]
    public async Task SubscribePreview_IsConfirmedOnce_ByItsAskerAlone()
    {
        var channel = UniqueChannel();
        var subscribe = DiscordInteractions.Command("subscribe", [("query", JsonValue.Create("title:glacier OR topic:climate"))], ManageGuild, UniqueUser(), channelId: channel);
        var preview = await Discord.InteractAsync(subscribe);
        var confirm = DiscordPreviews.Confirm(preview.Message);
        Assert.Contains("Preview: words title:glacier OR topic:climate", preview.Message!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("\"label\":\"Subscribe\"", preview.Message.ToJsonString(), StringComparison.Ordinal);

        var someoneElse = await Discord.InteractAsync(DiscordInteractions.Button(confirm, ManageGuild, UniqueUser(), channelId: channel));
        var asker = await Discord.InteractAsync(DiscordPreviews.Press(subscribe, confirm));
        var again = await Discord.InteractAsync(DiscordPreviews.Press(subscribe, confirm));

        Assert.Equal(Ephemeral, (int?)someoneElse.Message!["flags"]);
        Assert.Contains("Only the person who asked for this preview", someoneElse.Message.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Subscribed", asker.Message!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Already done", again.Message!.ToJsonString(), StringComparison.Ordinal);
        var stored = Assert.Single(await Discord.Bot.Get<ISubscriptionStore>().ListForChatAsync("discord:" + channel, CancellationToken.None));
        Assert.Equal("title:glacier OR topic:climate", stored.Query);
    }

    [Fact]
    public async Task ChannelDeleted_StopsDeliveriesThere()
    {
        var channel = UniqueChannel();
        var subscribe = DiscordInteractions.Command("subscribe", [("query", JsonValue.Create("science"))], ManageGuild, UniqueUser(), channelId: channel);
        var preview = await Discord.InteractAsync(subscribe);
        await Discord.InteractAsync(DiscordPreviews.Press(subscribe, DiscordPreviews.Confirm(preview.Message)));

        await Discord.DispatchAsync("CHANNEL_DELETE", new JsonObject { ["id"] = channel, ["type"] = 0, ["guild_id"] = DiscordInteractions.GuildId });

        var chat = Discord.Bot.Get<ChatLifecycle>().Find(ChatAddress.Parse("discord:" + channel))!;
        Assert.False(chat.Active);
        Assert.Equal("the channel was deleted", Shown.InEnglish(chat.InactiveReason));
    }

    private static JsonValue SampleValue(CommandArgument argument) => argument.Kind switch
    {
        ArgumentKind.ArticleId => JsonValue.Create(1),
        ArgumentKind.Number => JsonValue.Create(1),
        ArgumentKind.Topic => JsonValue.Create("technology"),
        _ => JsonValue.Create(argument.Name == "which" ? "all" : "technology"),
    };

    private static string UniqueUser() => Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);

    private static string UniqueChannel() => Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
}
