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
    ];

    /// <summary>
    /// Literal text that is not for people, or that is the same in every language. Each entry:
    /// a pattern for the text, and why it may stay in the code.
    /// </summary>
    private static readonly (string Pattern, string Why)[] Allowed =
    [
        (@"^/", "a command line or command usage: commands are typed the same in every language"),
        (@"^[a-z]+(\.[a-zA-Z]+)*\.?$", "a text key or its prefix, or a single lower-case protocol or command word (all, off, add, send, list)"),
        (@"^[a-z]+:[a-z]*$", "a key prefix such as topic: or words: that identifies stored things"),
        (@"^(UTC|HH:mm|N0|H:mm)$", "a time zone's name or a format pattern, the same in every language"),
        (@"^(\p{Lu}[A-Z_]+)$", "a platform event name (READY, INTERACTION_CREATE)"),
        (@"^(default)$", "the log's name for Telegram's menu without a language"),
    ];

    [Fact]
    public void TheCodeThatAnswersPeople_HasNoWordsOfItsOwn()
    {
        var found = SourceLiterals.In(Scanned)
            .Where(l => !l.InAttribute && !l.InThrow && Words().IsMatch(l.Text))
            .Where(l => !Allowed.Any(a => Regex.IsMatch(l.Text.Trim(), a.Pattern, RegexOptions.CultureInvariant)))
            .Select(l => $"{l.File}:{l.Line} \"{l.Text}\"")
            .ToList();

        Assert.True(found.Count == 0, "Words for people belong in Resources/en.json (and every other language):\n" + string.Join("\n", found));
    }

    [Fact]
    public void TheScan_SeesTheFilesItNames_AndCatchesWords()
    {
        Assert.All(Scanned, path => Assert.True(File.Exists(Path.Combine(SourceLiterals.Root, path)) || Directory.Exists(Path.Combine(SourceLiterals.Root, path)), path));
        Assert.Contains(SourceLiterals.In("src/NewsBot.Core/Commands/Handlers"), l => l.Text == "/latest 2");
        Assert.Matches(Words(), "Saved: ");
        Assert.False(Allowed.Any(a => Regex.IsMatch("Saved: ", a.Pattern)));
    }

    // Two letters in a row: a word, in any script.
    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Words();
}
