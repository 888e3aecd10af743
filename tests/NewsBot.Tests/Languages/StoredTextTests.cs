using Telegram.Bot.Exceptions;

namespace NewsBot.Tests.Languages;

/// <summary>
/// Why a chat became unreachable and a feed's last error are stored as a key and its arguments
/// and read in the reader's language; what older versions stored in English is read the same
/// way; words NewsBot does not know stay as they were.
/// </summary>
public sealed class StoredTextTests : BotTest
{
    private static readonly LanguageCatalog Catalog = LanguageCatalog.Default;

    public static TheoryData<string> UnreachableReasons()
    {
        var reasons = new TheoryData<string>();
        foreach (var message in new[] { "Forbidden: bot was blocked by the user", "Forbidden: bot was kicked from the group chat", "Forbidden: user is deactivated", "Forbidden: bot is not a member of the channel chat" })
        {
            reasons.Add(((SendOutcome.PermanentFailure)NewsBot.Platforms.Telegram.TelegramErrors.Classify(new ApiRequestException(message, 403))).Reason);
        }

        foreach (var message in new[] { "Bad Request: chat not found", "Bad Request: TOPIC_CLOSED", "Bad Request: TOPIC_DELETED" })
        {
            reasons.Add(((SendOutcome.PermanentFailure)NewsBot.Platforms.Telegram.TelegramErrors.Classify(new ApiRequestException(message, 400))).Reason);
        }
        foreach (var code in new[] { 50007, 10003, 50001, 50013 })
        {
            reasons.Add(((SendOutcome.PermanentFailure)NewsBot.Platforms.Discord.DiscordErrors.Classify(new DiscordApiException(403, code, "refused", "POST channels/{channel}/messages"))).Reason);
        }

        reasons.Add(NewsBot.Platforms.Discord.DiscordChatSender.ThreadClosedReason);
        foreach (var reason in new[] { "removed from the chat by Ada", "the user left", "the bot left the chat", "the channel was deleted", "the bot may not post in the channel" })
        {
            reasons.Add(reason);
        }

        return reasons;
    }

    [Theory]
    [MemberData(nameof(UnreachableReasons))]
    public void EveryReasonAPlatformGivesForAnUnreachableChat_IsStoredAsAKey_AndReadInEveryLanguage(string reason)
    {
        var stored = StoredText.FromEnglish(reason);

        Assert.StartsWith("{\"text\":\"reason.", stored, StringComparison.Ordinal);
        Assert.Equal(reason, StoredText.Render(stored, Catalog.For(Catalog.English)));
        foreach (var language in Catalog.All.Where(l => l != Catalog.English))
        {
            Assert.NotEqual(StoredText.Render(stored, Catalog.For(Catalog.English)), StoredText.Render(stored, Catalog.For(language)));
        }
    }

    [Fact]
    public void AnArgument_IsKeptAsStored_AndANestedReasonIsReadInTheLanguageToo()
    {
        var german = Catalog.For(Catalog.Find("de")!);

        var removed = StoredText.FromEnglish("removed from the chat by Ada Lovelace");
        var inactive = StoredText.FromEnglish("the chat is inactive: blocked by the user");

        Assert.Equal("von Ada Lovelace aus dem Chat entfernt", StoredText.Render(removed, german));
        Assert.Equal("der Chat ist inaktiv: vom Nutzer blockiert", StoredText.Render(inactive, german));
        Assert.Equal("der Chat ist inaktiv: vom Nutzer blockiert", StoredText.Render("the chat is inactive: blocked by the user", german));
    }

    [Theory]
    [InlineData("HTTP 404 Not Found", "сервер ответил HTTP 404 Not Found")]
    [InlineData("The request timed out after 30 s (Feeds:RequestTimeout)", "запрос не уложился в 30 s (Feeds:RequestTimeout)")]
    [InlineData("The document is not a feed.", "документ не является лентой")]
    [InlineData("Feed file not found: /srv/feeds/wire.xml", "файл ленты не найден: /srv/feeds/wire.xml")]
    public void AFeedsLastError_StoredInEnglishByAnEarlierVersion_OrNow_IsReadInTheReadersLanguage(string english, string russian)
    {
        var texts = Catalog.For(Catalog.Find("ru")!);

        Assert.Equal(russian, StoredText.Render(english, texts));
        Assert.Equal(russian, StoredText.Render(StoredText.FromEnglish(english), texts));
    }

    /// <summary>The texts that are stored to be read later: a chat's reasons, a push's, a feed's error and note.</summary>
    public static TheoryData<string> StoredKeys()
    {
        var keys = new TheoryData<string>();
        string[] stored = ["reason.", "sendError.", "feedError.", "feedNote."];
        foreach (var key in Catalog.English.Texts.Keys.Where(k => stored.Any(prefix => k.StartsWith(prefix, StringComparison.Ordinal))))
        {
            keys.Add(key);
        }

        return keys;
    }

    /// <summary>What an argument of a stored text looks like, so that the English sentence reads as one of ours.</summary>
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["code"] = "404", ["phrase"] = "Not Found", ["duration"] = "30 s", ["setting"] = "Feeds:RequestTimeout", ["size"] = "2 MB",
        ["max"] = "5", ["path"] = "/srv/feeds/wire.xml", ["detail"] = "Connection reset by peer", ["host"] = "feeds.example",
        ["address"] = "10.0.0.7", ["scheme"] = "ftp", ["port"] = "8080", ["line"] = "12", ["position"] = "7",
        ["reason"] = "Unexpected end of file", ["root"] = "html", ["title"] = "Just a moment...", ["start"] = "Hello",
        ["who"] = "Ada", ["chat"] = "telegram:-100123", ["count"] = "3", ["status"] = "503", ["route"] = "channels/1/messages", ["kind"] = "Digest",
    };

    [Theory]
    [MemberData(nameof(StoredKeys))]
    public void EveryStoredText_WrittenInEnglishByAnEarlierVersionOrAPlatform_IsRecognised_AndReadInEveryLanguage(string key)
    {
        var english = Catalog.For(Catalog.English);
        var args = Catalog.English.Texts[key].Placeholders().Select(p => (p, (object?)Samples[p])).ToArray();
        var sentence = english.Get(key, args);

        var recognised = EnglishReasons.Recognise(sentence);

        Assert.True(recognised?.Key == key, $"'{sentence}' is read as {recognised?.Key ?? "nothing"}");
        Assert.Equal(sentence, StoredText.Render(StoredText.FromEnglish(sentence), english));
        foreach (var language in Catalog.All.Where(l => l != Catalog.English))
        {
            Assert.NotEqual(sentence, StoredText.Render(sentence, Catalog.For(language)));
        }
    }

    [Fact]
    public void AStoredCount_PicksThePluralFormOfTheReadersLanguage()
    {
        var russian = Catalog.For(Catalog.Find("ru")!);

        Assert.Equal("У 1 элемента нет даты", StoredText.Render(StoredText.Of("feedProblem.noDate", ("count", 1)), russian));
        Assert.Equal("У 5 элементов нет даты", StoredText.Render(StoredText.Of("feedProblem.noDate", ("count", 5)), russian));
        Assert.Equal("1 item has no date", StoredText.InEnglish(StoredText.Of("feedProblem.noDate", ("count", 1))));
        Assert.Equal("1,204 items have no date", StoredText.InEnglish(StoredText.Of("feedProblem.noDate", ("count", 1204))));
    }

    [Theory]
    [InlineData("The name or service is not known (feeds.example:443)")]
    [InlineData("{\"text\":\"no.such.key\"}")]
    [InlineData("{\"text\": broken")]
    public void WordsNewsBotDoesNotKnow_AreShownAsStored(string stored)
    {
        Assert.Equal(stored, StoredText.Render(stored, Catalog.For(Catalog.Find("de")!)));
        Assert.Equal(stored, StoredText.FromEnglish(stored));
    }

    [Fact]
    public async Task AFeedsStoredError_IsShownToAnAdminInTheirLanguage()
    {
        var bad = Bot.Source("Bad Wire");
        await Bot.Get<ISourceStore>().SaveAsync(
            bad with { LastAttemptAt = TestBot.Now, LastError = StoredText.FromEnglish("HTTP 404 Not Found"), ConsecutiveFailures = 1 }, CancellationToken.None);
        await Bot.SendAsync("/language de", user: "terminal:local", chat: "terminal:local");

        var answer = await Bot.SendAsync("/sources", user: "terminal:local", chat: "terminal:local");

        Assert.Contains("der Server antwortete mit HTTP 404 Not Found", answer, StringComparison.Ordinal);
    }
}
