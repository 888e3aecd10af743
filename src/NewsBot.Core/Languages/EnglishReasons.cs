using System.Text.RegularExpressions;

namespace NewsBot.Core.Languages;

/// <summary>
/// The English sentences that NewsBot stored before it stored keys, and that the platforms and
/// the feed fetcher still report in English, each with the key that says it in every language.
/// A sentence that carries data (a name, a status code) is a pattern whose groups become the
/// key's arguments.
/// </summary>
public static partial class EnglishReasons
{
    private static readonly (Regex Pattern, string Key)[] Known =
    [
        // Why a chat became unreachable: what Telegram and Discord report, and what NewsBot saw.
        (Exact("blocked by the user"), "reason.blocked"),
        (Exact("removed from the chat"), "reason.removed"),
        (new Regex(@"^removed from the chat by (?<who>.+)$", RegexOptions.CultureInvariant), "reason.removedBy"),
        (Exact("the user's account is deleted"), "reason.accountDeleted"),
        (Exact("not a member of the chat"), "reason.notMember"),
        (Exact("chat not found"), "reason.chatNotFound"),
        (Exact("the user left"), "reason.userLeft"),
        (Exact("the bot left the chat"), "reason.botLeft"),
        (Exact("the channel was deleted"), "reason.channelDeleted"),
        (Exact("the channel no longer exists"), "reason.channelGone"),
        (Exact("the person does not accept direct messages from the bot"), "reason.noDirectMessages"),
        (Exact("the bot cannot see the channel (Missing Access)"), "reason.missingAccess"),
        (Exact("the bot may not post there (Missing Permissions: Send Messages, Embed Links)"), "reason.missingPermissions"),
        (Exact("the bot may not post in the channel"), "reason.cannotPostInChannel"),
        (Exact("the thread is archived or locked, and the bot may not reopen it (it needs Manage Threads)"), "reason.threadClosed"),
        (new Regex(@"^moved to (?<chat>\S+)$", RegexOptions.CultureInvariant), "reason.movedTo"),
        (new Regex(@"^the chat is inactive: (?<reason>.*)$", RegexOptions.CultureInvariant), "reason.chatInactive"),

        // A feed's last error: what the fetcher and the poller report.
        (new Regex(@"^HTTP (?<code>[0-9]{3}) (?<phrase>.+)$", RegexOptions.CultureInvariant), "feedError.http"),
        (new Regex(@"^The request timed out after (?<duration>[^(]+) \((?<setting>[A-Za-z:]+)\)$", RegexOptions.CultureInvariant), "feedError.timeout"),
        (Exact("The request was cancelled before it completed"), "feedError.cancelled"),
        (Exact("The server sent a corrupt compressed response"), "feedError.corrupt"),
        (new Regex(@"^The connection broke while the feed was downloading \((?<detail>.*)\)$", RegexOptions.CultureInvariant | RegexOptions.Singleline), "feedError.connectionBroke"),
        (new Regex(@"^The feed is larger than (?<size>[^(]+) \((?<setting>[A-Za-z:]+)\)$", RegexOptions.CultureInvariant), "feedError.tooLarge"),
        (new Regex(@"^Too many redirects \(more than (?<max>[0-9]+)\); the site may be redirecting in a loop$", RegexOptions.CultureInvariant), "feedError.redirectLoop"),
        (Exact("The server answered with a redirect but no Location"), "feedError.redirectWithoutLocation"),
        (new Regex(@"^Feed file not found: (?<path>.+)$", RegexOptions.CultureInvariant), "feedError.fileNotFound"),
        (Exact("The document is not a feed."), "feedError.notAFeed"),
        (Exact("Unexpected error while fetching the feed; see the log."), "feedError.fetchCrashed"),
        (Exact("Unexpected error while storing the feed's articles; see the log."), "feedError.storeCrashed"),
    ];

    /// <summary>The key and arguments of a sentence NewsBot knows; null for any other.</summary>
    public static (string Key, (string Name, string Value)[] Args)? Recognise(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        foreach (var (pattern, key) in Known)
        {
            var match = pattern.Match(sentence);
            if (match.Success)
            {
                return (key, pattern.GetGroupNames().Where(g => !int.TryParse(g, out _)).Select(g => (g, match.Groups[g].Value)).ToArray());
            }
        }

        return null;
    }

    private static Regex Exact(string sentence) => new("^" + Regex.Escape(sentence) + "$", RegexOptions.CultureInvariant);
}
