namespace NewsBot.Tests.Platforms.Discord;

public sealed class DiscordSlashCommandsTests
{
    public static TheoryData<string> CatalogCommands() => new(CommandCatalog.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CatalogCommands))]
    public void CatalogCommand_BecomesASlashCommandDiscordAccepts(string name)
    {
        var command = DiscordSlashCommands.Build(CommandCatalog.Find(name)!);
        var json = JsonNode.Parse(JsonSerializer.Serialize(command, DiscordJson.Options))!;

        Assert.Equal(1, (int)json["type"]!);
        Assert.Matches("^[-_'a-z0-9]{1,32}$", (string)json["name"]!);
        Assert.InRange(((string)json["description"]!).Length, 1, 100);
        var options = json["options"]?.AsArray() ?? [];
        Assert.True(options.Count <= 25);
        var required = options.Select(o => (bool?)o!["required"] == true).ToList();
        Assert.Equal(required.OrderByDescending(r => r), required);
        Assert.All(options, o =>
        {
            Assert.Matches("^[-_'a-z0-9]{1,32}$", (string)o!["name"]!);
            Assert.InRange(((string)o["description"]!).Length, 1, 100);
            Assert.Contains((int)o["type"]!, new[] { 3, 4, 7, 8 });
            Assert.False(o["autocomplete"] is not null && o["choices"] is not null);
        });
        var forum = name is "subscribe" or "unsubscribe" or "subscriptions" ? 1 : 0;
        Assert.Equal(CommandCatalog.Find(name)!.Arguments.Count + forum, options.Count);
    }

    [Fact]
    public void SubscriptionCommands_OfferARolePickerAndAForumPicker_ForForumAndMediaChannelsOnly()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(DiscordSlashCommands.Build(CommandCatalog.Subscriptions), DiscordJson.Options))!;
        var options = json["options"]!.AsArray();

        Assert.Equal(8, (int)options.Single(o => (string)o!["name"]! == "role")!["type"]!);
        var forum = options.Single(o => (string)o!["name"]! == "forum")!;
        Assert.Equal(7, (int)forum["type"]!);
        Assert.Equal("[15,16]", forum["channel_types"]!.ToJsonString());
        Assert.Null(forum["required"]);
    }

    [Fact]
    public void EveryCatalogCommand_IsRegisteredOnceAndTheWholeSetFitsDiscordsLimits()
    {
        var commands = DiscordSlashCommands.Build(CommandCatalog.All);

        Assert.Equal(CommandCatalog.All.Select(c => c.Name), commands.Select(c => c.Name));
        Assert.True(commands.Count <= 100);
        Assert.All(commands, c => Assert.True(c.Name.Length + c.Description.Length + (c.Options ?? []).Sum(o => o.Name.Length + o.Description.Length) <= 8000));
    }

    [Fact]
    public void TopicsAndArticleIds_OfferAutocompleteAndNumbersAreIntegers()
    {
        var topic = DiscordSlashCommands.Build(CommandCatalog.Topic);
        var unbookmark = DiscordSlashCommands.Build(CommandCatalog.Unbookmark);

        Assert.Equal([DiscordCommandOption.StringType, DiscordCommandOption.IntegerType], topic.Options!.Select(o => o.Type));
        Assert.True(topic.Options![0].Autocomplete);
        Assert.Null(topic.Options![1].Autocomplete);
        Assert.Equal(1, topic.Options![1].MinValue);
        Assert.True(unbookmark.Options!.Single().Autocomplete);
        Assert.Equal(DiscordCommandOption.IntegerType, unbookmark.Options!.Single().Type);
    }

    [Fact]
    public void BotAdminCommands_AreShownToServerAdministratorsOnlyAndOthersToEveryone()
    {
        var commands = DiscordSlashCommands.Build(CommandCatalog.All).ToDictionary(c => c.Name);

        Assert.Equal("0", commands["feeds"].DefaultMemberPermissions);
        Assert.Null(commands["latest"].DefaultMemberPermissions);
        Assert.Null(commands["subscribe"].DefaultMemberPermissions);
        Assert.All(commands.Values, c => Assert.Equal([0, 1], c.Contexts!));
    }

    [Fact]
    public void RegisteredSet_EqualToTheDesiredOne_NeedsNoRewriteEvenWithDiscordsExtraFields()
    {
        var desired = DiscordSlashCommands.Build(CommandCatalog.All);
        var registered = JsonNode.Parse(JsonSerializer.Serialize(desired, DiscordJson.Options))!.AsArray();
        foreach (var command in registered)
        {
            command!["id"] = "1";
            command["version"] = "2";
            command["application_id"] = "3";
            command["nsfw"] = false;
            foreach (var option in command["options"]?.AsArray() ?? [])
            {
                option!["required"] ??= false;
            }
        }

        var changed = JsonNode.Parse(registered.ToJsonString())!.AsArray();
        changed[0]!["description"] = "An older description";

        Assert.True(DiscordCommandRegistrar.Same(JsonDocument.Parse(registered.ToJsonString()).RootElement, desired));
        Assert.False(DiscordCommandRegistrar.Same(JsonDocument.Parse(changed.ToJsonString()).RootElement, desired));
        Assert.False(DiscordCommandRegistrar.Same(JsonDocument.Parse("[]").RootElement, desired));
    }
}
