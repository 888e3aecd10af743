namespace NewsBot.Tests.Chats;

public sealed class ForumTopicsTests
{
    private static readonly DateTimeOffset Now = TestBot.Now;

    [Theory]
    [InlineData("telegram:-100123:45", "telegram:-100123")]
    [InlineData("telegram:-100123", "telegram:-100123")]
    [InlineData("telegram:42", "telegram:42")]
    [InlineData("discord:9", "discord:9")]
    public void ATopic_IsPacedAsItsGroup_EveryOtherChatAsItself(string chatKey, string pacingKey) =>
        Assert.Equal(pacingKey, ForumTopics.PacingKeyOf(chatKey));

    [Fact]
    public void ATopicAddress_NamesItsGroupAndItsOwnId()
    {
        var topic = ForumTopics.Of(ChatAddress.Parse("telegram:-100123"), "45");

        Assert.Equal("telegram:-100123:45", topic.Key);
        Assert.True(ForumTopics.TryGetGroup(ChatAddress.Parse(topic.Key), out var group));
        Assert.Equal("telegram:-100123", group.Key);
        Assert.Equal("45", ForumTopics.TopicIdOf(topic));
        Assert.False(ForumTopics.TryGetGroup(ChatAddress.Parse("telegram:-100123"), out _));
    }

    [Fact]
    public void ATopic_HasItsGroupsSettings_AndIsActiveOnlyWhileTheGroupIs()
    {
        var topic = new ChatRecord("telegram:-100123:45", "telegram", ChatKind.ForumTopic, "Science", null, true, null, Now, Now, Language: "fr");
        var group = new ChatRecord("telegram:-100123", "telegram", ChatKind.Group, "Readers", "Europe/Berlin", false, "the bot left the chat", Now, Now,
            new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)), AnnouncementsMuted: true, Language: "de");

        var seen = ForumTopics.Inherit(topic, group);

        Assert.Equal(("Europe/Berlin", "22:00-07:00", "de", true), (seen.TimeZone, seen.Quiet?.ToString(), seen.Language, seen.AnnouncementsMuted));
        Assert.Equal((false, "the bot left the chat", "Science"), (seen.Active, seen.InactiveReason, seen.Title));
        Assert.Equal((false, "closed"), (ForumTopics.Inherit(topic with { Active = false, InactiveReason = "closed" }, group with { Active = true, InactiveReason = null }) is var lost ? (lost.Active, lost.InactiveReason) : default));
        Assert.True(seen.IsGroup);
    }
}
