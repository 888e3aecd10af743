namespace NewsBot.Tests.Languages;

/// <summary>Why a push waits or failed is stored as a key and told by /why in the reader's language.</summary>
public sealed class SendErrorLanguageTests : IDisposable
{
    private readonly DeliveryRig _rig = new();

    public void Dispose() => _rig.Dispose();

    private TestBot Bot => _rig.Bot;

    [Theory]
    [InlineData("no rights to post in the chat", "de", "keine Rechte, im Chat zu posten")]
    [InlineData("refused (400): Bad Request: MESSAGE_TOO_LONG", "ru", "отклонено (400): Bad Request: MESSAGE_TOO_LONG")]
    public async Task APushRefusedForGood_IsExplainedInTheReadersLanguage(string platformSaid, string language, string expected)
    {
        await Flat.Of(Bot.SubscribeAsync("/subscribe technology"));
        _rig.Telegram.Then(new SendOutcome.PermanentFailure(platformSaid, ChatUnreachable: false));
        var article = (await _rig.NewsAsync("Robot opens a bakery"))[0];
        await _rig.DispatchAsync();
        await Bot.SendAsync($"/language {language}");

        var answer = await Flat.Of(Bot.SendAsync($"/why {article.Id}"));

        Assert.Contains(expected, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(platformSaid, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APushThatWillBeTriedAgain_IsExplainedInTheReadersLanguage()
    {
        await Flat.Of(Bot.SubscribeAsync("/subscribe technology"));
        _rig.Telegram.Then(new SendOutcome.TransientFailure("network error"));
        var article = (await _rig.NewsAsync("Robot opens a bakery"))[0];
        await _rig.DispatchAsync();
        await Bot.SendAsync("/language es");

        Assert.Contains("(error de red)", await Flat.Of(Bot.SendAsync($"/why {article.Id}")), StringComparison.Ordinal);
    }
}
