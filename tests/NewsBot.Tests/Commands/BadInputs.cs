namespace NewsBot.Tests.Commands;

/// <summary>
/// Commands typed wrong, or with nothing to act on, and a phrase of the answer that tells the user
/// what to type instead. One table for every command family; each family's test takes its own
/// rows, so a phrase changed in the resources is found here once.
/// </summary>
public static class BadInputs
{
    private static readonly (string Family, string Command, string Expected)[] Rows =
    [
        ("Reading", "/latest", "There are no articles yet."),
        ("Reading", "/latest", "/sources"),
        ("Reading", "/topic", "/topic <name>"),
        ("Reading", "/search", "What should I look for?"),
        ("Reading", "/search -wind", "at least one word"),
        ("Reading", "/read", "needs an article number"),
        ("Reading", "/read abc", "'abc' is not an article number"),
        ("Reading", "/read 99999999", "There is no article #99999999"),
        ("Reading", "/read 99999999999999", "There is no article #99999999999999"),
        ("Reading", "/read -3", "There is no article #-3"),
        ("Reading", "/lates", "I don't know /lates"),
        ("Reading", "/lates", "Did you mean /latest?"),
        ("Bookmarks", "/bookmark", "needs an article number"),
        ("Bookmarks", "/bookmark x", "'x' is not an article number"),
        ("Bookmarks", "/bookmark 999", "There is no article #999 to save"),
        ("Bookmarks", "/unbookmark", "needs an article number"),
        ("Bookmarks", "/bookmarks -1", "Pages start at 1"),
        ("Feeds", "/feeds add /etc/passwd", "starts with http:// or https://"),
        ("Feeds", "/feeds add file:///etc/passwd", "starts with http:// or https://"),
        ("Feeds", "/feeds add Samples/daily-circuit.xml", "starts with http:// or https://"),
        ("Feeds", "/feeds add", "Which feed?"),
        ("Feeds", "/feeds add https://nothing.example/", "Could not add https://nothing.example/: HTTP 404 Not Found"),
        ("Feeds", "/feeds dance", "is not something I can do"),
        ("Feeds", "/feeds remove", "Which source?"),
        ("Feeds", "/feeds remove 99", "There is no source #99"),
        ("FeedSettings", "/feeds set", "Type /feeds set <id>"),
        ("FeedSettings", "/feeds set 1", "Type /feeds set <id>"),
        ("FeedSettings", "/feeds set abc name X", "Type /feeds set <id>"),
        ("FeedSettings", "/feeds set 99 name X", "There is no source #99"),
        ("FeedSettings", "/feeds set 1 colour red", "no setting called colour"),
        ("FeedSettings", "/feeds set 1 name", "A name needs 1 to 100 characters"),
        ("FeedSettings", "/feeds set 1 topics", "Give one to 20 topics"),
        ("FeedSettings", "/feeds set 1 interval", "is not an interval I can use"),
        ("FeedSettings", "/feeds set 1 interval 30s", "30s is not an interval I can use. Give one between 1 min and 12 h"),
        ("FeedSettings", "/feeds set 1 interval 13h", "13h is not an interval I can use"),
        ("FeedSettings", "/feeds set 1 interval 0", "0 is not an interval I can use"),
        ("FeedSettings", "/feeds set 1 interval 99999999999999999999h", "is not an interval I can use"),
        ("FeedSettings", "/feeds set 1 interval 1:75", "1:75 is not an interval I can use"),
        ("FeedSettings", "/feeds set 1 fulltext maybe", "fulltext takes on or off"),
        ("FeedSettings", "/feeds pause", "Which source?"),
        ("FeedSettings", "/feeds resume x", "Which source?"),
        ("FeedSettings", "/feeds pause 99", "There is no source #99"),
        ("SearchQueries", "/search solar autor:smith", "There is no field autor: (at character 7)"),
        ("SearchQueries", "/search \"solar power", "The quote at character 1 is never closed"),
        ("SearchQueries", "/search solar)", "The ) at character 6 closes nothing"),
        ("SearchQueries", "/search /sol(ar/", "is not a valid pattern"),
        ("SearchQueries", "/search /solar power/", "has a space at character 7"),
        ("SubscriptionSettings", "/subscriptions 9 silent on", "no subscription #9"),
        ("SubscriptionSettings", "/subscriptions 1 loudly", "can't read"),
        ("SubscriptionSettings", "/subscriptions silent on", "can't read"),
        ("SubscriptionSettings", "/subscriptions 1 silent maybe", "can't read"),
        ("SubscriptionSettings", "/subscriptions 1 ping", "Which role?"),
        ("SubscriptionSettings", "/subscriptions 1 ping @news-team", "can't read"),
    ];

    /// <summary>With one article stored, titled as the first column: a command and a phrase of the answer.</summary>
    public static TheoryData<string, string, string> WithOneArticle => new()
    {
        { "Story", "/latest -5", "Pages start at 1" },
        { "Story", "/latest -5", "/latest 2" },
        { "Story", "/latest abc", "must be a number" },
        { "Story", "/latest abc", "/latest 2" },
        { "Telescope finds comet", "/topic sciense", "Did you mean /topic science?" },
        { "Solar farm", "/search zeppelin", "Nothing found for zeppelin" },
    };

    public static TheoryData<string, string> Of(string family)
    {
        var rows = new TheoryData<string, string>();
        foreach (var row in Rows.Where(row => row.Family == family))
        {
            rows.Add(row.Command, row.Expected);
        }

        return rows.Count > 0 ? rows : throw new ArgumentException($"No bad inputs of the family {family}.", nameof(family));
    }
}
