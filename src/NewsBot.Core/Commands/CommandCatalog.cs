namespace NewsBot.Core.Commands;

/// <summary>
/// Every command the bot understands, in the order help lists them. Platforms build their
/// menus and slash commands from this table, so the menu never drifts from what is handled.
/// The words that describe each command are in the language files.
/// </summary>
public static class CommandCatalog
{
    public const string ReadingSection = "reading";
    public const string BookmarksSection = "bookmarks";
    public const string SubscriptionsSection = "subscriptions";
    public const string AdminSection = "admin";

    public static readonly CommandInfo Start = new("start", CommandAudience.Everyone, [], ["/start"], ReadingSection);

    public static readonly CommandInfo Help = new(
        "help", CommandAudience.Everyone, [new("command", ArgumentKind.Text, false)], ["/help", "/help subscribe"], ReadingSection);

    public static readonly CommandInfo Latest = new(
        "latest", CommandAudience.Everyone, [new("page", ArgumentKind.Number, false)], ["/latest", "/latest 2"], ReadingSection);

    public static readonly CommandInfo Topics = new("topics", CommandAudience.Everyone, [], ["/topics"], ReadingSection);

    public static readonly CommandInfo Topic = new(
        "topic", CommandAudience.Everyone,
        [new("name", ArgumentKind.Topic, true), new("page", ArgumentKind.Number, false)],
        ["/topic technology", "/topic science 2"], ReadingSection);

    public static readonly CommandInfo Search = new(
        "search", CommandAudience.Everyone, [new("words", ArgumentKind.Text, true)],
        ["/search solar", "/search \"quantum chip\" -stocks"], ReadingSection);

    public static readonly CommandInfo Read = new(
        "read", CommandAudience.Everyone, [new("id", ArgumentKind.ArticleId, true)], ["/read 42"], ReadingSection);

    public static readonly CommandInfo Sources = new("sources", CommandAudience.Everyone, [], ["/sources"], ReadingSection);

    public static readonly CommandInfo Language = new(
        "language", CommandAudience.ChatAdmins, [new("code", ArgumentKind.Text, false)],
        ["/language", "/language de", "/language pt-BR"], ReadingSection)
    {
        ShowsWithoutArguments = true,
    };

    public static readonly CommandInfo Bookmark = new(
        "bookmark", CommandAudience.EachUser, [new("id", ArgumentKind.ArticleId, true)], ["/bookmark 42"], BookmarksSection);

    public static readonly CommandInfo Unbookmark = new(
        "unbookmark", CommandAudience.EachUser, [new("id", ArgumentKind.ArticleId, true)], ["/unbookmark 42"], BookmarksSection);

    public static readonly CommandInfo Bookmarks = new(
        "bookmarks", CommandAudience.EachUser, [new("page", ArgumentKind.Number, false)], ["/bookmarks", "/bookmarks 2"], BookmarksSection);

    public static readonly CommandInfo Subscribe = new(
        "subscribe", CommandAudience.ChatAdmins, [new("query", ArgumentKind.Text, true)],
        ["/subscribe technology", "/subscribe \"electric cars\" -tesla", "/subscribe science daily 08:00", "/subscribe announcements"], SubscriptionsSection);

    public static readonly CommandInfo Unsubscribe = new(
        "unsubscribe", CommandAudience.ChatAdmins, [new("which", ArgumentKind.Text, true)],
        ["/unsubscribe 3", "/unsubscribe technology", "/unsubscribe all", "/unsubscribe announcements"], SubscriptionsSection);

    public static readonly CommandInfo Subscriptions = new("subscriptions", CommandAudience.Everyone, [], ["/subscriptions"], SubscriptionsSection);

    public static readonly CommandInfo TimeZone = new(
        "timezone", CommandAudience.ChatAdmins, [new("zone", ArgumentKind.Text, false)],
        ["/timezone", "/timezone Europe/Berlin"], SubscriptionsSection)
    {
        ShowsWithoutArguments = true,
    };

    public static readonly CommandInfo Quiet = new(
        "quiet", CommandAudience.ChatAdmins, [new("window", ArgumentKind.Text, false)],
        ["/quiet", "/quiet 22:00-07:00", "/quiet off"], SubscriptionsSection)
    {
        ShowsWithoutArguments = true,
    };

    public static readonly CommandInfo Why = new(
        "why", CommandAudience.Everyone, [new("id", ArgumentKind.ArticleId, true)], ["/why 42"], SubscriptionsSection);

    public static readonly CommandInfo Announce = new(
        "announce", CommandAudience.BotAdmins, [new("text", ArgumentKind.Text, true)],
        ["/announce The bot restarts at 22:00 UTC for ten minutes."], AdminSection);

    public static readonly CommandInfo Announcements = new("announcements", CommandAudience.BotAdmins, [], ["/announcements"], AdminSection);

    public static readonly CommandInfo Feeds = new(
        "feeds", CommandAudience.BotAdmins, [new("action", ArgumentKind.Text, false)],
        ["/feeds list", "/feeds add https://example.com/feed.xml technology", "/feeds add https://example.com", "/feeds remove 7", "/feeds set 7 interval 30m", "/feeds set 7 fulltext off", "/feeds pause 7"], AdminSection);

    public static IReadOnlyList<CommandInfo> All { get; } =
    [
        Start, Help, Latest, Topics, Topic, Search, Read, Sources, Language,
        Bookmark, Unbookmark, Bookmarks,
        Subscribe, Unsubscribe, Subscriptions, TimeZone, Quiet, Why,
        Feeds, Announce, Announcements,
    ];

    public static CommandInfo? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name.TrimStart('/'), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The examples help shows. Where the first example has words of its own (<c>/announce The
    /// bot restarts…</c>), the language's version (<c>command.&lt;name&gt;.example</c>) takes its place.
    /// </summary>
    public static IReadOnlyList<string> ExamplesOf(CommandInfo command, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(texts);
        var key = $"command.{command.Name}.example";
        return texts.Has(key) ? [texts.Get(key), .. command.Examples.Skip(1)] : command.Examples;
    }
}
