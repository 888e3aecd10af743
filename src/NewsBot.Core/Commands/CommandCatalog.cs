namespace NewsBot.Core.Commands;

/// <summary>
/// Every command the bot understands, in the order help lists them. Platforms build their
/// menus and slash commands from this table, so the menu never drifts from what is handled.
/// </summary>
public static class CommandCatalog
{
    public const string ReadingSection = "Reading the news";
    public const string BookmarksSection = "Your bookmarks";
    public const string SubscriptionsSection = "This chat's subscriptions";
    public const string AdminSection = "For the bot's admins";

    private const string SubscriptionsRefusal = "Only this chat's admins can change its subscriptions. /subscriptions shows what it follows.";

    public static readonly CommandInfo Start = new(
        "start", "Welcome and a quick tour", "/start", CommandAudience.Everyone, [], ["/start"], ReadingSection);

    public static readonly CommandInfo Help = new(
        "help", "List the commands, or explain one", "/help [command]", CommandAudience.Everyone,
        [new("command", "A command to explain", ArgumentKind.Text, false)], ["/help", "/help subscribe"], ReadingSection);

    public static readonly CommandInfo Latest = new(
        "latest", "The newest articles", "/latest [page]", CommandAudience.Everyone,
        [new("page", "Page number, 1 for the newest", ArgumentKind.Number, false)], ["/latest", "/latest 2"], ReadingSection);

    public static readonly CommandInfo Topics = new(
        "topics", "Topics with their article counts", "/topics", CommandAudience.Everyone, [], ["/topics"], ReadingSection);

    public static readonly CommandInfo Topic = new(
        "topic", "The newest articles in a topic", "/topic <name> [page]", CommandAudience.Everyone,
        [new("name", "The topic", ArgumentKind.Topic, true), new("page", "Page number", ArgumentKind.Number, false)],
        ["/topic technology", "/topic science 2"], ReadingSection);

    public static readonly CommandInfo Search = new(
        "search", "Search articles by words; \"exact phrase\", -exclude", "/search <words>", CommandAudience.Everyone,
        [new("words", "Words to look for; \"quotes\" for a phrase, -word to exclude", ArgumentKind.Text, true)],
        ["/search solar", "/search \"quantum chip\" -stocks"], ReadingSection);

    public static readonly CommandInfo Read = new(
        "read", "Show one article in full", "/read <id>", CommandAudience.Everyone,
        [new("id", "The article number shown in lists", ArgumentKind.ArticleId, true)], ["/read 42"], ReadingSection);

    public static readonly CommandInfo Sources = new(
        "sources", "The feeds and their health", "/sources", CommandAudience.Everyone, [], ["/sources"], ReadingSection);

    public static readonly CommandInfo Bookmark = new(
        "bookmark", "Save an article for later", "/bookmark <id>", CommandAudience.EachUser,
        [new("id", "The article number", ArgumentKind.ArticleId, true)], ["/bookmark 42"], BookmarksSection);

    public static readonly CommandInfo Unbookmark = new(
        "unbookmark", "Remove a saved article", "/unbookmark <id>", CommandAudience.EachUser,
        [new("id", "The article number", ArgumentKind.ArticleId, true)], ["/unbookmark 42"], BookmarksSection);

    public static readonly CommandInfo Bookmarks = new(
        "bookmarks", "Your saved articles", "/bookmarks [page]", CommandAudience.EachUser,
        [new("page", "Page number", ArgumentKind.Number, false)], ["/bookmarks", "/bookmarks 2"], BookmarksSection);

    public static readonly CommandInfo Subscribe = new(
        "subscribe", "Get new articles on a topic or words here, instantly or as a daily digest",
        "/subscribe <topic or words> [daily HH:mm]", CommandAudience.ChatAdmins,
        [new("query", "A topic, or words in the /search language", ArgumentKind.Text, true)],
        ["/subscribe technology", "/subscribe \"electric cars\" -tesla", "/subscribe science daily 08:00", "/subscribe announcements"], SubscriptionsSection)
    {
        RefusalForMembers = SubscriptionsRefusal,
    };

    public static readonly CommandInfo Unsubscribe = new(
        "unsubscribe", "Stop a subscription", "/unsubscribe <id or topic or words or all>", CommandAudience.ChatAdmins,
        [new("which", "The subscription number, its topic or words, or all", ArgumentKind.Text, true)],
        ["/unsubscribe 3", "/unsubscribe technology", "/unsubscribe all", "/unsubscribe announcements"], SubscriptionsSection)
    {
        RefusalForMembers = SubscriptionsRefusal,
    };

    public static readonly CommandInfo Subscriptions = new(
        "subscriptions", "This chat's subscriptions", "/subscriptions", CommandAudience.Everyone, [], ["/subscriptions"], SubscriptionsSection);

    public static readonly CommandInfo TimeZone = new(
        "timezone", "Show or set this chat's time zone (for digests)", "/timezone [IANA zone]", CommandAudience.ChatAdmins,
        [new("zone", "An IANA time zone such as Europe/Berlin", ArgumentKind.Text, false)],
        ["/timezone", "/timezone Europe/Berlin"], SubscriptionsSection)
    {
        ShowsWithoutArguments = true,
        RefusalForMembers = "Only this chat's admins can change its time zone. /timezone shows it.",
    };

    public static readonly CommandInfo Quiet = new(
        "quiet", "Show or set quiet hours, when instant pushes wait", "/quiet [HH:mm-HH:mm | off]", CommandAudience.ChatAdmins,
        [new("window", "Start and end on a 24-hour clock in this chat's time zone, or off", ArgumentKind.Text, false)],
        ["/quiet", "/quiet 22:00-07:00", "/quiet off"], SubscriptionsSection)
    {
        ShowsWithoutArguments = true,
        RefusalForMembers = "Only this chat's admins can change its quiet hours. /quiet shows them.",
    };

    public static readonly CommandInfo Why = new(
        "why", "Why this chat did or did not get an article", "/why <id>", CommandAudience.Everyone,
        [new("id", "The article number", ArgumentKind.ArticleId, true)], ["/why 42"], SubscriptionsSection);

    public static readonly CommandInfo Announce = new(
        "announce", "Send a message to every chat, after a preview", "/announce <text>", CommandAudience.BotAdmins,
        [new("text", "What every chat should read", ArgumentKind.Text, true)],
        ["/announce The bot restarts at 22:00 UTC for ten minutes."], AdminSection);

    public static readonly CommandInfo Announcements = new(
        "announcements", "Past announcements and how their delivery went", "/announcements", CommandAudience.BotAdmins,
        [], ["/announcements"], AdminSection);

    public static readonly CommandInfo Feeds = new(
        "feeds", "Add, remove and inspect sources", "/feeds add <url> [topics…] | remove <id> | list", CommandAudience.BotAdmins,
        [new("action", "add <url> [topics…], remove <id> or list", ArgumentKind.Text, false)],
        ["/feeds list", "/feeds add https://example.com/feed.xml technology", "/feeds add https://example.com", "/feeds remove 7"], AdminSection);

    public static IReadOnlyList<CommandInfo> All { get; } =
    [
        Start, Help, Latest, Topics, Topic, Search, Read, Sources,
        Bookmark, Unbookmark, Bookmarks,
        Subscribe, Unsubscribe, Subscriptions, TimeZone, Quiet, Why,
        Feeds, Announce, Announcements,
    ];

    public static CommandInfo? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name.TrimStart('/'), StringComparison.OrdinalIgnoreCase));
}
