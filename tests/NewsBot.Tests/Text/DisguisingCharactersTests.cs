using NewsBot.Core.Text;

namespace NewsBot.Tests.Text;

public sealed class DisguisingCharactersTests : BotTest
{
    private const string Override = "\u202E";

    [Theory]
    [InlineData("\u202A\u202B\u202C\u202D\u202E")]
    [InlineData("\u2066\u2067\u2068\u2069")]
    [InlineData("\u206A\u206F\uFFF9\uFFFB")]
    public void Strip_RemovesEveryDisguisingControl(string controls)
    {
        Assert.Equal("invoice.pdf", DisguisingCharacters.Strip("invoice" + controls + ".pdf"));
    }

    [Theory]
    [InlineData("שלום \u200Fעולם")]
    [InlineData("👩\u200D💻 coder")]
    [InlineData("می\u200Cخواهم")]
    [InlineData("plain text")]
    public void Strip_KeepsDirectionMarksJoinersAndOrdinaryText(string text)
    {
        Assert.Same(text, DisguisingCharacters.Strip(text));
    }

    [Fact]
    public async Task FeedTitle_WithAnOverride_IsStoredAndShownWithoutIt()
    {
        var article = Assert.Single(await Bot.IngestAsync(Bot.Source(), TestBot.Entry($"Update your {Override}fdp.exe{"\u202C"} now", "Read " + Override + "this")));

        Assert.Equal("Update your fdp.exe now", article.Title);
        Assert.Equal("Read this", article.Summary);
        var card = await Bot.SendAsync($"/read {article.Id}");
        Assert.DoesNotContain(Override, card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_WithAnOverride_IsNotEchoedBackWithIt()
    {
        var answer = await Bot.SendAsync($"/nope{Override}gnp");

        Assert.Contains("I don't know /nopegnp", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(Override, answer, StringComparison.Ordinal);
    }
}
