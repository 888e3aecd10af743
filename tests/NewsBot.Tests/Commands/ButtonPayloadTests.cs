namespace NewsBot.Tests.Commands;

public sealed class ButtonPayloadTests
{
    [Theory]
    [InlineData(ButtonKind.Command, "/help", "/help")]
    [InlineData(ButtonKind.PageTurn, "/latest 2", "p:/latest 2")]
    [InlineData(ButtonKind.Toggle, "/bookmark 42", "t:/bookmark 42")]
    [InlineData(ButtonKind.Confirm, "/announce send 3", "c:/announce send 3")]
    public void EncodeAndDecode_RoundTripTheKindAndTheCommand(ButtonKind kind, string command, string payload)
    {
        Assert.Equal(payload, ButtonPayload.Encode(ReplyButton.ForCommand("x", command, kind)));
        Assert.Equal((kind, command), ButtonPayload.Decode(payload));
    }

    [Theory]
    [InlineData("/bookmark 42")]
    [InlineData("x:/odd")]
    [InlineData("")]
    public void Decode_APayloadWithoutAKnownKind_IsAPlainCommand(string payload)
    {
        Assert.Equal((ButtonKind.Command, payload), ButtonPayload.Decode(payload));
    }

    [Fact]
    public void ForCommand_ACommandTooLongForAPayload_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => ReplyButton.ForCommand("x", "/search " + new string('a', 60)));
        Assert.Null(ReplyButton.TryForCommand("x", "/search " + new string('a', 60), ButtonKind.PageTurn));
    }
}
