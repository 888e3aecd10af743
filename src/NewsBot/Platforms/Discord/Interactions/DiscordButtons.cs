using System.Text.RegularExpressions;

namespace NewsBot.Platforms.Discord.Interactions;

/// <summary>Recognises the buttons that turn a list's page, which update the message they sit on instead of answering anew.</summary>
internal static partial class DiscordButtons
{
    public static bool IsPageTurn(string commandLine) => PageTurn().IsMatch(commandLine);

    [GeneratedRegex(@"^/(?:(?:latest|bookmarks) [0-9]{1,9}|topic \S.* [0-9]{1,9}|search .*\bpage:[0-9]{1,9})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PageTurn();
}
