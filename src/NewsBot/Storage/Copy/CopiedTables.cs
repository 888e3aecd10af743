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
            "id, name, url, topics, enabled, last_attempt_at, last_success_at, last_error, consecutive_failures, item_count, next_poll_at, "
            + "etag, last_modified, moved_to, from_configuration, admins_notified, note, items_left_out, content_hash, current_item_keys, "
            + "paused, poll_interval_ms, full_text",
            "id",
            db => db.Sources,
            s => s.Id,
            (row, s) =>
            {
                row.Int(s.Id);
                row.Text(s.Name ?? "");
                row.Text(s.Url ?? "");
                row.Texts(s.Topics);
                row.Bool(s.Enabled);
                row.Time(s.LastAttemptAt);
                row.Time(s.LastSuccessAt);
                row.Text(s.LastError);
                row.Int(s.ConsecutiveFailures);
                row.Int(s.ItemCount);
                row.Time(s.NextPollAt);
                row.Text(s.ETag);
                row.Time(s.LastModified);
                row.Text(s.MovedTo);
                row.Bool(s.FromConfiguration);
                row.Bool(s.AdminsNotified);
                row.Text(s.Note);
                row.Int(s.ItemsLeftOut);
                row.Text(s.ContentHash);
                row.Texts(s.CurrentItemKeys);
                row.Bool(s.Paused);
                row.Long(s.PollIntervalMs);
                row.Text(s.FullText ?? SourceSettingsText.Auto);
            }),
        new CopiedTable<ArticleDocument>(
            "articles",
            "id, url, item_key, title, summary, author, source_id, source_name, published_at, ingested_at, topics, image_url, is_new, title_key, story_id, also_in",
            null,
            db => db.Articles,
            a => a.Id,
            (row, a) =>
            {
                row.Int(a.Id);
                row.Text(a.Url ?? "");
                row.Text(a.ItemKey ?? "");
                row.Text(a.Title ?? "");
                row.Text(a.Summary ?? "");
                row.Text(a.Author);
                row.Int(a.SourceId);
                row.Text(a.SourceName ?? "");
                row.Time(a.PublishedAt);
                row.Time(a.IngestedAt);
                row.Texts(a.Topics);
                row.Text(a.ImageUrl);
                row.Bool(a.IsNew);
                row.Text(a.TitleKey ?? "");
                row.Int(a.StoryId);
                row.Texts(a.AlsoIn);
            }),
        new CopiedTable<ArticleTextDocument>(
            "article_texts",
            "article_id, origin, text, problem, stored_at",
            null,
            db => db.ArticleTexts,
            t => t.Id,
            (row, t) =>
            {
                row.Int(t.Id);
                row.Text(t.Origin ?? "");
                row.Text(t.Text ?? "");
                row.Text(t.Problem ?? "");
                row.Time(t.StoredAt);
            }),
        new CopiedTable<ChatDocument>(
            "chats",
            "key, platform, kind, title, time_zone, active, inactive_reason, first_seen, last_seen, quiet, announcements_muted",
            null,
            db => db.Chats,
            c => c.Id,
            (row, c) =>
            {
                row.Text(c.Id);
                row.Text(c.Platform ?? "");
                row.Text(c.Kind ?? "");
                row.Text(c.Title);
                row.Text(c.TimeZone);
                row.Bool(c.Active);
                row.Text(c.InactiveReason);
                row.Time(c.FirstSeen);
                row.Time(c.LastSeen);
                row.Text(c.Quiet);
                row.Bool(c.AnnouncementsMuted);
            }),
        new CopiedTable<UserDocument>(
            "users",
            "key, display_name, first_seen, last_seen",
            null,
            db => db.Users,
            u => u.Id,
            (row, u) =>
            {
                row.Text(u.Id);
                row.Text(u.DisplayName ?? "");
                row.Time(u.FirstSeen);
                row.Time(u.LastSeen);
            }),
        new CopiedTable<SubscriptionDocument>(
            "subscriptions",
            "id, chat_key, kind, query, mode, daily_at, created_by, created_at",
            "id",
            db => db.Subscriptions,
            s => s.Id,
            (row, s) =>
            {
                row.Int(s.Id);
                row.Text(s.ChatKey ?? "");
                row.Text(s.Kind ?? "");
                row.Text(s.Query ?? "");
                row.Text(s.Mode ?? "");
                row.Text(s.DailyAt);
                row.Text(s.CreatedBy ?? "");
                row.Time(s.CreatedAt);
            }),
        new CopiedTable<DigestCursorDocument>(
            "digest_cursors",
            "subscription_id, last_article_id, last_run_at, last_local_date",
            null,
            db => db.DigestCursors,
            d => d.Id,
            (row, d) =>
            {
                row.Int(d.Id);
                row.Int(d.LastArticleId);
                row.Time(d.LastRunAt);

                // As the LiteDB store reads a date it cannot parse: the earliest, so the next digest is due.
                row.Day(DateOnly.TryParseExact(d.LastLocalDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : DateOnly.MinValue);
            }),
        new CopiedTable<BookmarkDocument>(
            "bookmarks",
            "id, user_key, article_id, saved_at, title, url, source_name",
            "id",
            db => db.Bookmarks,
            b => b.Id,
            (row, b) =>
            {
                row.Long(b.Id);
                row.Text(b.UserKey ?? "");
                row.Int(b.ArticleId);
                row.Time(b.SavedAt);
                row.Text(b.Title ?? "");
                row.Text(b.Url ?? "");
                row.Text(b.SourceName ?? "");
            }),
        new CopiedTable<AnnouncementDocument>(
            "announcements",
            "id, author_key, report_chat_key, text, state, created_at, confirmed_at, queued, recipients, reported_at, sent, failed, blocked",
            "id",
            db => db.Announcements,
            a => a.Id,
            (row, a) =>
            {
                row.Int(a.Id);
                row.Text(a.AuthorKey ?? "");
                row.Text(a.ReportChatKey);
                row.Text(a.Text ?? "");
                row.Text(a.State ?? "");
                row.Time(a.CreatedAt);
                row.Time(a.ConfirmedAt);
                row.Bool(a.Queued);
                row.Int(a.Recipients);
                row.Time(a.ReportedAt);
                row.Int(a.Sent);
                row.Int(a.Failed);
                row.Int(a.Blocked);
            }),
        new CopiedTable<OutboxDocument>(
            "outbox",
            "id, dedup_key, chat_key, platform, kind, story_ids, article_ids, reference, text, state, attempts, next_attempt_at, last_error, created_at, sent_at",
            "id",
            db => db.Outbox,
            o => o.Id,
            (row, o) =>
            {
                var (storyIds, articleIds) = StoryPairs.Unpack(o.Stories);
                row.Long(o.Id);
                row.Text(o.DedupKey ?? "");
                row.Text(o.ChatKey ?? "");
                row.Text(string.IsNullOrEmpty(o.Platform) ? (o.ChatKey ?? "").Split(':')[0] : o.Platform);
                row.Text(o.Kind ?? "");
                row.Ints(storyIds);
                row.Ints(articleIds);
                row.Text(o.Reference);
                row.Text(o.Text);
                row.Text(o.State ?? "");
                row.Int(o.Attempts);
                row.Time(o.NextAttemptAt);
                row.Text(o.LastError);
                row.Time(o.CreatedAt);
                row.Time(o.SentAt);
            }),
        new CopiedTable<StateDocument>(
            "state",
            "name, value",
            null,
            db => db.State,
            s => s.Id,
            (row, s) =>
            {
                row.Text(s.Id);
                row.Text(s.Value ?? "");
            },
            keep: s => !LiteDbOnlyState.Contains(s.Id)),
    ];

    /// <summary>The names of the tables the copy fills, which must be empty before it starts.</summary>
    public static IEnumerable<string> Names => All.Select(t => t.Name);
}
