namespace NewsBot.Tests.Platforms.Discord;

public sealed class DiscordPostTitleTests
{
    [Fact]
    public void AShortTitle_IsKeptOnOneLine()
    {
        Assert.Equal("Robot league adds a night round", DiscordPostTitle.Fit("Robot league\n adds  a night\tround", 100));
    }

    [Fact]
    public void ATitleWithoutSpaces_IsCutAtTheLimit_WithoutSplittingACharacter()
    {
        var title = string.Concat(Enumerable.Repeat("新闻😀", 60));

        var fitted = DiscordPostTitle.Fit(title, 100);

        Assert.True(fitted.Length <= 100);
        Assert.EndsWith("…", fitted, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(fitted[^2]));
    }

    [Fact]
    public void AReplyWithoutTitleOrText_IsNamedInItsLanguage()
    {
        var reply = new Reply { Blocks = [new EntryListBlock([new ListEntry("#1")])], Language = "de" };

        Assert.Equal("Nachrichten", DiscordPostTitle.For(reply));
    }

    [Fact]
    public void ABurst_IsNamedByItsHeading()
    {
        var reply = new Reply { Blocks = [new TextBlock("3 new stories", TextStyle.Heading), new TextBlock("more")] };

        Assert.Equal("3 new stories", DiscordPostTitle.For(reply));
    }

    [Fact]
    public void MentionsThatDoNotFitBeforeTheContent_GoInAMessageOfTheirOwn_AndOnlyThatOneMayPing()
    {
        var reply = Reply.Text(new string('a', 1995)) with { MentionRoles = ["910000000000000910", "not-a-role"], Silent = true };

        var messages = DiscordRenderer.Render(reply, TestBot.Now);

        Assert.Equal("<@&910000000000000910>", messages[0].Content);
        Assert.Equal(["910000000000000910"], messages[0].AllowedMentions.Roles!);
        Assert.Null(messages[1].AllowedMentions.Roles);
        Assert.All(messages, m => Assert.Equal(DiscordMessage.SilentFlag, m.Flags!.Value & DiscordMessage.SilentFlag));
    }
}
