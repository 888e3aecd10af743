using System.Text.RegularExpressions;

namespace NewsBot.Tests.Languages;

/// <summary>
/// No words for people are written in the code that answers them: handlers, the router, the
/// services that compose pushes, digests, announcements and notices, and the platforms'
/// renderers and responders take every word from the language files.
/// </summary>
public sealed partial class UserFacingLiteralTests
{
    /// <summary>The code that writes to people. The platforms' API clients and gateways speak to the platforms, not to people, and are not listed.</summary>
    private static readonly string[] Scanned =
    [
        "src/NewsBot.Core/Commands",
        "src/NewsBot.Core/Replies",
        "src/NewsBot.Core/Digests/DigestComposer.cs",
        "src/NewsBot.Core/Announcements",
        "src/NewsBot.Core/Delivery/PushMessages.cs",
        "src/NewsBot.Core/Delivery/DeliveryDispatcher.cs",
        "src/NewsBot.Core/Articles/SourceHealthText.cs",
        "src/NewsBot.Core/Subscriptions/SubscriptionText.cs",
        "src/NewsBot.Core/Subscriptions/SubscriptionRequest.cs",
        "src/NewsBot.Core/Chats/LanguageChoice.cs",
        "src/NewsBot/Platforms/Terminal",
        "src/NewsBot/Platforms/Telegram/TelegramRenderer.cs",
        "src/NewsBot/Platforms/Telegram/TelegramUpdateHandler.cs",
        "src/NewsBot/Platforms/Telegram/TelegramInlineQueries.cs",
        "src/NewsBot/Platforms/Telegram/TelegramMapper.cs",
        "src/NewsBot/Platforms/Telegram/TelegramBotService.cs",
        "src/NewsBot/Platforms/Discord/DiscordRenderer.cs",
        "src/NewsBot/Platforms/Discord/Interactions/DiscordInteractionResponder.cs",
        "src/NewsBot/Platforms/Discord/Interactions/DiscordSlashCommands.cs",
        "src/NewsBot/Platforms/Discord/Interactions/DiscordAutocomplete.cs",
        "src/NewsBot/Feeds/SourcePoller.cs",

        // Where a feed's problems are put into words: its last error in /sources, /feeds add and the admins' notice.
        "src/NewsBot/Feeds/FeedFetcher.cs",
        "src/NewsBot/Feeds/GuardedConnector.cs",
        "src/NewsBot/Feeds/FeedProbe.cs",
        "src/NewsBot/Feeds/FeedParser.cs",
        "src/NewsBot/Feeds/FeedXmlSanitizer.cs",
        "src/NewsBot/Feeds/DtdEntities.cs",
        "src/NewsBot/Feeds/XmlFeedReader.cs",
        "src/NewsBot/Feeds/FeedXmlCursor.cs",
        "src/NewsBot/Feeds/JsonFeedReader.cs",
        "src/NewsBot/Feeds/FeedTextDecoder.cs",
        "src/NewsBot/Feeds/ProblemTally.cs",
    ];

    /// <summary>
    /// Literal text that is not for people, or that is the same in every language. Each entry:
    /// a pattern for the text, and why it may stay in the code.
    /// </summary>
    private static readonly (string Pattern, string Why)[] Allowed =
    [
        (@"^/", "a command line or command usage: commands are typed the same in every language"),
        (@"^[a-z][a-zA-Z]*(\.[a-zA-Z]+)*\.?$", "a text key or its prefix, or one lower-case protocol or command word (all, off, add, send, list)"),
        (@"^\.[a-zA-Z.]+$", "the end of a text key built from a command's name (command.<name>.summary)"),
        (@"^[a-z]+(-[a-z]+)*:[a-z]*$", "the prefix of a stored key or event name (topic:, source-disabled:)"),
        (@"^&[a-z]+;$", "an HTML entity"),
        (@"^(UTC|N0)$", "a time zone's name or a number format, the same in every language"),
        (@"^[yMdHhmsfTzZ:'\- .]+$", "a date pattern of a platform's API (ISO 8601)"),
        (@"^\p{Lu}[A-Z_]+$", "a platform event name (READY, INTERACTION_CREATE)"),
        (@"^(default|webhook|long polling|reach the Bot API|get updates|remove a webhook|set the webhook)$", "words of a log line, which is written in English for the operator"),
        (@"^([a-z*]+/[a-z0-9.+*-]+(;q=[0-9.]+)?(, ?)?)+$", "a media type or an HTTP Accept list"),
        (@"^(User-Agent|Accept|If-None-Match)$", "an HTTP header's name"),
        (@"^NewsBot(\.Feeds|/1\.0 \(\+https://github\.com/newsbot\))$", "the feed client's name and User-Agent"),
        (@"^(https?://|urn:|jsonfeed\.org/)\S*$", "an XML namespace or a format's address"),
        (@"^<", "markup the parser looks for (<title, <!DOCTYPE, <![CDATA[)"),
        (@"^(RSS|Atom|JSON Feed)( [0-9.]+)? ?$", "the name of a feed format, the same in every language"),
        (@"^[a-z]+(_[a-z]+)+$", "a JSON Feed field name"),
        (@"^[a-z]+[0-9]*(-[0-9a-z]+)*$", "a character encoding's name (us-ascii, windows-1252, latin1)"),
        (@"^:[A-Z][A-Za-z]+$", "the key of a setting after its section (Feeds:RequestTimeout)"),
    ];

    /// <summary>Texts written by the code that are kept as recorded rather than translated, each with the reason.</summary>
    private static readonly (string File, string Text, string Why)[] Recorded =
    [
        ("src/NewsBot/Platforms/Telegram/TelegramUpdateHandler.cs", "blocked by the user", StoredReason),
        ("src/NewsBot/Platforms/Telegram/TelegramUpdateHandler.cs", "removed from the chat by ", StoredReason),
        ("src/NewsBot/Platforms/Telegram/TelegramUpdateHandler.cs", "the user left", StoredReason),
        ("src/NewsBot/Platforms/Telegram/TelegramUpdateHandler.cs", "the bot left the chat", StoredReason),
        ("src/NewsBot/Platforms/Telegram/TelegramUpdateHandler.cs", "the bot may not post in the channel", StoredReason),
        ("src/NewsBot.Core/Delivery/DeliveryDispatcher.cs", "Sending to {Chat} (outbox {Outbox})", "a log scope, written in English for the operator"),
        ("src/NewsBot/Feeds/FeedFetcher.cs", "; expected an http(s) URL or a file path", NeverRead),
        ("src/NewsBot/Feeds/FeedFetcher.cs", "Unsupported feed location", NeverRead),
        ("src/NewsBot/Feeds/FeedFetcher.cs", "Only http(s) pages are read (", NeverRead),
        ("src/NewsBot/Feeds/FeedParser.cs", " Line ", DotNetsWords),
        ("src/NewsBot/Feeds/XmlFeedReader.cs", "is an undeclared prefix", DotNetsWords),
        ("src/NewsBot/Feeds/JsonFeedReader.cs", " LineNumber:", DotNetsWords),
    ];

    private const string StoredReason =
        "why a chat became unreachable: recorded once with the chat, in the log and the database, and quoted by /why as recorded, like the platforms' own error texts";

    private const string NeverRead =
        "a fetch refused before it starts, which no reader sees: configured addresses are checked at start, /feeds add takes only http(s), " +
        "and a page for /read that fails is told by its own text; it reaches the log and the operators' feeds check, which speak English";

    private const string DotNetsWords = "a part of .NET's own XML or JSON message that the parser looks for, not words it writes";

    [Fact]
    public void TheCodeThatAnswersPeople_HasNoWordsOfItsOwn()
    {
        var found = SourceLiterals.In(Scanned)
            .Where(l => !l.InAttribute && !l.InThrow && Words().IsMatch(l.Text))
            .Where(l => !Allowed.Any(a => Regex.IsMatch(l.Text.Trim(), a.Pattern, RegexOptions.CultureInvariant)))
            .Where(l => !Recorded.Any(r => r.File == l.File && r.Text == l.Text))
            .Select(l => $"{l.File}:{l.Line} \"{l.Text}\"")
            .ToList();

        Assert.True(found.Count == 0, "Words for people belong in Resources/en.json (and every other language):\n" + string.Join("\n", found));
    }

    [Fact]
    public void TheScan_SeesTheFilesItNames_AndCatchesWords()
    {
        Assert.All(Scanned, path => Assert.True(File.Exists(Path.Combine(SourceLiterals.Root, path)) || Directory.Exists(Path.Combine(SourceLiterals.Root, path)), path));
        Assert.Contains(SourceLiterals.In("src/NewsBot.Core/Commands/Handlers"), l => l.Text == "/search solar page:2");
        Assert.Matches(Words(), "Saved: ");
        Assert.DoesNotContain(Allowed, a => Regex.IsMatch("Saved: ", a.Pattern));
    }

    // Two letters in a row: a word, in any script.
    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Words();
}
