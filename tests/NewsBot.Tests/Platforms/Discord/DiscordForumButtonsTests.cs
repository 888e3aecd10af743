using NewsBot.Platforms.Discord;
using NewsBot.Platforms.Discord.Interactions;

namespace NewsBot.Tests.Platforms.Discord;

public sealed class DiscordForumButtonsTests
{
    private const string ForumId = "700000000000000123";

    [Fact]
    public void AnAnswerAboutAForum_HasItsCommandButtonsAimedAtTheForum_AndItsLinksAsTheyWere()
    {
        var reply = Reply.Text("Preview") with
        {
            Buttons =
            [
                ReplyButton.ForCommand("Subscribe", "/subscribe confirm 3", ButtonKind.Confirm),
                ReplyButton.ForUrl("Open", "https://example.org/a"),
            ],
        };

        var aimed = DiscordForumButtons.Aimed(reply, DiscordChats.Forum(ForumId));

        Assert.Equal($"/subscribe forum:{ForumId} confirm 3", aimed.Buttons[0].Command);
        Assert.Equal(ButtonKind.Confirm, aimed.Buttons[0].Kind);
        Assert.Equal("https://example.org/a", aimed.Buttons[1].Url);
    }

    [Fact]
    public void AnAnswerAboutAChannel_KeepsItsButtons()
    {
        var reply = Reply.Text("Preview") with { Buttons = [ReplyButton.ForCommand("Subscribe", "/subscribe confirm 3", ButtonKind.Confirm)] };

        Assert.Same(reply, DiscordForumButtons.Aimed(reply, DiscordChats.Channel(ForumId)));
    }

    [Theory]
    [InlineData("/subscribe forum:700000000000000123 confirm 3", ForumId, "/subscribe confirm 3")]
    [InlineData("/unsubscribe forum:700000000000000123", ForumId, "/unsubscribe")]
    [InlineData("/subscribe confirm 3", null, "/subscribe confirm 3")]
    [InlineData("/search forum:words", null, "/search forum:words")]
    [InlineData("/subscribe forum:12ab confirm 3", null, "/subscribe forum:12ab confirm 3")]
    public void APressedCommand_GivesBackItsForumAndTheCommandWithoutIt(string pressed, string? forum, string command)
    {
        var (forumId, rest) = DiscordForumButtons.Split(pressed);

        Assert.Equal(forum, forumId);
        Assert.Equal(command, rest);
    }

    [Fact]
    public void APressOfAnAimedButton_IsAMessageInTheForum()
    {
        var press = new DiscordInteraction(
            "1", "app", DiscordInteractionKind.Component, "tok", "900000000000000001", "800000000000000001", "news", "100000000000000001", "Ada",
            DiscordInteractionMapper.ManageChannels, null, [], "c:/subscribe forum:700000000000000123 confirm 3");

        var message = DiscordInteractionMapper.ToIncoming(press);

        Assert.Equal(DiscordChats.Forum(ForumId), message.Chat);
        Assert.Equal("/subscribe confirm 3", message.Text);
        Assert.True(message.IsButton);
        Assert.Equal(ButtonKind.Confirm, message.PressedKind);
    }
}
