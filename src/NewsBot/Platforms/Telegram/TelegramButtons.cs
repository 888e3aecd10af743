using System.Text.RegularExpressions;
using NewsBot.Core.Commands;
using Telegram.Bot.Types.ReplyMarkups;

namespace NewsBot.Platforms.Telegram;

/// <summary>What pressing a button should do to the message it sits under.</summary>
internal enum ButtonEffect
{
    /// <summary>Answer with a new message.</summary>
    NewMessage,

    /// <summary>Another page of the same list: replace the message's text and buttons.</summary>
    TurnPage,

    /// <summary>The Save / Saved toggle under an article card: update the card's buttons.</summary>
    ToggleBookmark,
}

/// <summary>Recognises paging and bookmark-toggle buttons from the command line they carry.</summary>
internal static partial class TelegramButtons
{
    public static ButtonEffect EffectOf(string commandLine, InlineKeyboardMarkup? pressedUnder)
    {
        if (CommandParser.Parse(commandLine) is not ParsedCommand command)
        {
            return ButtonEffect.NewMessage;
        }

        var name = command.Name;
        var arguments = command.Arguments;
        if ((name == CommandCatalog.Bookmark.Name || name == CommandCatalog.Unbookmark.Name) && IsCard(pressedUnder))
        {
            return ButtonEffect.ToggleBookmark;
        }

        var paging =
            ((name == CommandCatalog.Latest.Name || name == CommandCatalog.Bookmarks.Name) && WholePage().IsMatch(arguments))
            || (name == CommandCatalog.Topic.Name && TrailingPage().IsMatch(arguments))
            || (name == CommandCatalog.Search.Name && SearchPage().IsMatch(arguments));
        return paging ? ButtonEffect.TurnPage : ButtonEffect.NewMessage;
    }

    /// <summary>The article id of a <c>/bookmark 42</c> or <c>/unbookmark 42</c> line.</summary>
    public static string? ArticleIdOf(string commandLine) =>
        CommandParser.Parse(commandLine) is ParsedCommand { Arguments: var arguments } && WholePage().IsMatch(arguments) ? arguments : null;

    // An article card is the only reply whose keyboard pairs the toggle with an Open link.
    private static bool IsCard(InlineKeyboardMarkup? markup) =>
        markup?.InlineKeyboard.SelectMany(row => row).Any(b => b.Url is not null) == true;

    [GeneratedRegex(@"^[0-9]{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex WholePage();

    [GeneratedRegex(@"\s[0-9]{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingPage();

    [GeneratedRegex(@"(^|\s)page:[0-9]{1,9}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SearchPage();
}
