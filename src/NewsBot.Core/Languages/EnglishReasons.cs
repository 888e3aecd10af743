using System.Text.RegularExpressions;

namespace NewsBot.Core.Languages;

/// <summary>
/// The English sentences that NewsBot stored before it stored keys (a chat's reasons, a feed's
/// last error and note) and that the platforms still report in English, each with the key that
/// says it in every language.
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
        (Exact("the forum topic is closed"), "reason.topicClosed"),
        (Exact("the forum topic was deleted"), "reason.topicDeleted"),
        (new Regex(@"^moved to (?<chat>\S+)$", RegexOptions.CultureInvariant), "reason.movedTo"),
        (new Regex(@"^the chat is inactive: (?<reason>.*)$", RegexOptions.CultureInvariant), "reason.chatInactive"),

        // Why a push waits or failed: what the dispatcher stored, and what the platforms report.
        (Template("waiting: {reason}"), "sendError.waiting"),
        (Exact("flood wait for the whole bot"), "sendError.floodBot"),
        (Exact("flood wait for this chat"), "sendError.floodChat"),
        (new Regex(@"^gave up after (?<count>[0-9]+) attempts?: (?<reason>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline), "sendError.gaveUp"),
        (Exact("no rights to post in the chat"), "sendError.noRights"),
        (Exact("the Bot API refused the bot token"), "sendError.tokenRefused"),
        (new Regex(@"^refused \((?<code>[0-9]+)\): (?<detail>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline), "sendError.refused"),
        (new Regex(@"^Bot API error (?<code>[0-9]+)$", RegexOptions.CultureInvariant), "sendError.botApi"),
        (new Regex(@"^Bot API answered HTTP (?<status>[0-9]+)$", RegexOptions.CultureInvariant), "sendError.botApiHttp"),
        (Exact("Discord refused the bot token (HTTP 401)"), "sendError.discordTokenRefused"),
        (new Regex(@"^Discord refused the message \(HTTP (?<status>[0-9]+), code (?<code>[0-9]+)\): (?<detail>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline), "sendError.discordRefused"),
        (new Regex(@"^(?<route>\S+): Discord answered HTTP (?<status>[0-9]+)$", RegexOptions.CultureInvariant), "sendError.discordHttp"),
        (Exact("the request timed out"), "sendError.timedOut"),
        (Exact("network error"), "sendError.network"),
        (Template("unexpected error: {detail}"), "sendError.unexpected"),
        (Template("nothing can compose {kind} messages"), "sendError.noComposer"),
        (Template("composing failed: {detail}"), "sendError.composeFailed"),
        (Exact("the digest has nothing to send any more"), "sendError.emptyDigest"),
        (Exact("the announcement has nothing to send any more"), "sendError.emptyAnnouncement"),
        (Exact("the adminnotice has nothing to send any more"), "sendError.emptyMessage"),
        (Exact("the message has nothing to send any more"), "sendError.emptyMessage"),
        (Exact("the articles were removed before they could be sent"), "sendError.articlesRemoved"),

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
        (Template("DNS lookup failed: the host name {host} could not be resolved"), "feedError.dnsFailed"),
        (Template("{host} is a private or local address ({address}); feeds there are refused unless {setting} is true"), "feedError.privateAddress"),
        (Template("The server redirected to an unsupported address ({scheme}:)"), "feedError.redirectScheme"),
        (Template("Connection refused by {host}:{port}"), "feedError.connectionRefused"),
        (Template("Connecting to {host} timed out"), "feedError.connectTimeout"),
        (Template("Could not connect to {host}: {detail}"), "feedError.connectFailed"),
        (Template("The TLS handshake with {host} failed"), "feedError.tls"),
        (Exact("The server closed the connection before the response was complete"), "feedError.responseEnded"),
        (Exact("The server sent an invalid HTTP response"), "feedError.invalidResponse"),
        (Exact("The server's response headers are too large"), "feedError.headersTooLarge"),
        (Template("Could not read {path}: {detail}"), "feedError.fileUnreadable"),
        (Template("Unexpected error: {detail}"), "feedError.unexpected"),
        (Template("{host} is unreachable"), "feedError.unreachable"),
        (Exact("Give a web address that starts with http:// or https://."), "feedError.notHttp"),
        (Exact("This is a web page, and it does not link to a feed (no <link rel=\"alternate\"> for RSS, Atom or JSON Feed)."), "feedError.pageWithoutFeed"),
        (Exact("The server did not send the page."), "feedError.noPage"),

        // What the parser says of a document that is not a feed.
        (Template("The feed could not be read: {detail}"), "feedError.unreadable"),
        (Exact("The document is empty"), "feedError.empty"),
        (Exact("XML error at line 1: the XML declaration is never closed"), "feedError.declarationOpen"),
        (Exact("XML error: the <!DOCTYPE> declaration is never closed"), "feedError.doctypeOpen"),
        (Exact("XML error: the document has no root element"), "feedError.noRoot"),
        (Exact("XML error: the document could not be read"), "feedError.xmlUnreadable"),
        (Template("XML error at line {line}, position {position}: {reason}"), "feedError.xmlAt"),
        (Template("XML error: {reason}"), "feedError.xml"),
        (Template("JSON error at line {line}: {detail}"), "feedError.json"),
        (Template("This is an XML document but not a feed (its root element is <{root}>)"), "feedError.otherXml"),
        (Exact("This looks like an HTML web page, not a feed"), "feedError.html"),
        (Template("This looks like an HTML web page, not a feed (page title: \"{title}\")"), "feedError.htmlTitled"),
        (Exact("This looks like binary data, not a feed"), "feedError.binary"),
        (Template("This looks like plain text, not a feed (it starts with \"{start}\")"), "feedError.plainText"),
        (Exact("This is JSON, but not a JSON Feed (there is no \"version\": \"https://jsonfeed.org/version/1.1\")"), "feedError.notJsonFeed"),
        (Template("The document nests elements more than {max} levels deep"), "feedError.tooDeep"),
        (Template("The document's DTD nests entities more than {max} levels deep (or in a loop); it was refused"), "feedError.entitiesNested"),
        (Exact("The document's DTD entities expand to more than 1 MB (an entity-expansion attack?); it was refused"), "feedError.entitiesTooLarge"),
        (Exact("Unexpected end of file"), "feedError.unexpectedEnd"),

        // A note on a source that reads well.
        (Exact("The feed gives old items new ids; they are recognised by their link or title instead."), "feedNote.newIds"),
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

    /// <summary>A sentence with <c>{name}</c> holes, each hole a group of that name.</summary>
    private static Regex Template(string sentence) =>
        new("^" + Hole().Replace(Regex.Escape(sentence), m => $"(?<{m.Groups[1].Value}>.+?)") + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    // What Regex.Escape makes of {name}: the opening brace escaped, the closing one not.
    [GeneratedRegex(@"\\\{([a-zA-Z]+)}")]
    private static partial Regex Hole();
}
