namespace NewsBot.Tests.Commands;

/// <summary>Buttons under an answer about a channel name the channel, so a press in the private chat acts on the channel.</summary>
public sealed class ChatTargetButtonsTests
{
    private static readonly ChannelCheck TechDaily = new(ChannelVerdict.Allowed, ChatAddress.Parse("telegram:-1001234567890"), "Tech Daily");

    [Fact]
    public void CommandsTheChannelTakes_GetItsId_OthersStayAsTheyAre()
    {
        var target = new ChatTarget(Message(), "glacier", Channel: TechDaily);
        var reply = new Reply
        {
            Blocks = [new TextBlock("Subscribed")],
            Buttons =
            [
                ReplyButton.ForCommand("Undo", "/unsubscribe 3"),
                ReplyButton.ForCommand("Read", "/read 42"),
                ReplyButton.ForUrl("Open", "https://example.com/a"),
                ReplyButton.ForCommand("Deutsch", "/language de"),
            ],
        };

        var shown = target.Present(reply, LanguageCatalog.Default.For("en"));

        Assert.Equal(["/unsubscribe -1001234567890 3", "/read 42", null, "/language -1001234567890 de"], shown.Buttons.Select(b => b.Command));
        Assert.Equal("Channel “Tech Daily”:", ((TextBlock)shown.Blocks[0]).Text);
    }

    [Fact]
    public void AButtonThatWouldNoLongerFit_IsLeftOut()
    {
        var longest = "/unsubscribe " + new string('9', ReplyButton.MaxCommandBytes - "/unsubscribe ".Length);
        var target = new ChatTarget(Message(), "", Channel: TechDaily);

        var shown = target.Present(new Reply { Blocks = [new TextBlock("x")], Buttons = [ReplyButton.ForCommand("Stop", longest)] }, LanguageCatalog.Default.For("en"));

        Assert.Empty(shown.Buttons);
    }

    [Fact]
    public void WithoutAChannel_TheAnswerIsUntouched()
    {
        var reply = Reply.Text("Hello") with { Buttons = [ReplyButton.ForCommand("Undo", "/unsubscribe 3")] };

        Assert.Same(reply, new ChatTarget(Message(), "").Present(reply, LanguageCatalog.Default.For("en")));
    }

    private static IncomingMessage Message() =>
        new(ChatAddress.Parse("telegram:7"), ChatKind.Private, null, new UserAddress("telegram", "7"), "Ada", "/subscribe", IsChatAdmin: true);
}
