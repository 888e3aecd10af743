namespace NewsBot.Storage.Copy;

/// <summary>
/// Every collection of NewsBot's LiteDB database and its PostgreSQL table, column by column as
/// the stores of each provider write them (Documents.cs, PostgresMigrations.cs). Ids are kept:
/// article numbers, subscription numbers and announcement numbers are shown to people, and other
/// rows refer to them.
/// </summary>
internal static class CopiedTables
{
    /// <summary>State values that only the LiteDB file has a use for: its schema version, its upgrade marker, and the article high-water mark, which becomes the sequence's position.</summary>
    public static readonly IReadOnlySet<string> LiteDbOnlyState = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "schema",
        "outbox.kinds",
        LiteDbArticleStore.LastArticleIdKey,
    };

    public static IReadOnlyList<CopiedTable> All { get; } =
    [
        new CopiedTable<SourceDocument>(
            "sources",
            CopiedColumns.Of<SourceDocument>("id", [new("full_text", (row, s) => row.Text(s.FullText ?? SourceSettingsText.Auto))]),
            "id",
            db => db.Sources,
            s => s.Id),
        // PublishedDay serves LiteDB's retention index only; PostgreSQL indexes published_at itself.
        new CopiedTable<ArticleDocument>("articles", CopiedColumns.Of<ArticleDocument>("id", null, nameof(ArticleDocument.PublishedDay)), null, db => db.Articles, a => a.Id),
        new CopiedTable<ArticleTextDocument>("article_texts", CopiedColumns.Of<ArticleTextDocument>("article_id"), null, db => db.ArticleTexts, t => t.Id),
        new CopiedTable<ChatDocument>("chats", CopiedColumns.Of<ChatDocument>("key"), null, db => db.Chats, c => c.Id),
        new CopiedTable<UserDocument>("users", CopiedColumns.Of<UserDocument>("key"), null, db => db.Users, u => u.Id),
        new CopiedTable<SubscriptionDocument>("subscriptions", CopiedColumns.Of<SubscriptionDocument>("id"), "id", db => db.Subscriptions, s => s.Id),
        new CopiedTable<DigestCursorDocument>(
            "digest_cursors",
            CopiedColumns.Of<DigestCursorDocument>(
                "subscription_id",
                [
                    // As the LiteDB store reads a date it cannot parse: the earliest, so the next digest is due.
                    new("last_local_date", (row, d) => row.Day(DateOnly.TryParseExact(d.LastLocalDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : DateOnly.MinValue)),
                ]),
            null,
            db => db.DigestCursors,
            d => d.Id),

        // Key is LiteDB's unique (user, article) index; PostgreSQL has a unique constraint instead.
        new CopiedTable<BookmarkDocument>(
            "bookmarks",
            CopiedColumns.Of<BookmarkDocument>("id", [new("id", (row, b) => row.Long(b.Id))], nameof(BookmarkDocument.Key)),
            "id",
            db => db.Bookmarks,
            b => b.Id),
        new CopiedTable<AnnouncementDocument>("announcements", CopiedColumns.Of<AnnouncementDocument>("id"), "id", db => db.Announcements, a => a.Id),
        new CopiedTable<OutboxDocument>(
            "outbox",
            CopiedColumns.Of<OutboxDocument>(
                "id",
                [
                    new("platform", (row, o) => row.Text(string.IsNullOrEmpty(o.Platform) ? (o.ChatKey ?? "").Split(':')[0] : o.Platform)),
                    new("story_ids", (row, o) => row.Ints(StoryPairs.Unpack(o.Stories).StoryIds)),
                    new("article_ids", (row, o) => row.Ints(StoryPairs.Unpack(o.Stories).ArticleIds)),
                    new("silent", (row, o) => row.Bool(o.Silent == true)),
                    new("mentions", (row, o) => row.Texts(o.Mentions?.ToList())),
                ],
                nameof(OutboxDocument.Stories)),
            "id",
            db => db.Outbox,
            o => o.Id),
        new CopiedTable<StateDocument>("state", CopiedColumns.Of<StateDocument>("name"), null, db => db.State, s => s.Id, keep: s => !LiteDbOnlyState.Contains(s.Id)),
    ];

    /// <summary>The names of the tables the copy fills, which must be empty before it starts.</summary>
    public static IEnumerable<string> Names => All.Select(t => t.Name);
}
