namespace NewsBot.Storage.Postgres;

/// <summary>
/// New articles as one INSERT: a column of values per parameter, unnested into rows, each row
/// numbered from the article id sequence in the order given.
/// </summary>
internal static class ArticleRows
{
    // Every article's topics go in one flat array; each row takes its slice, [from:to], empty when from > to.
    public const string Insert = """
        INSERT INTO articles (id, url, item_key, title, summary, author, source_id, source_name, published_at, ingested_at, topics, image_url, is_new, title_key, story_id)
        SELECT nextval('article_ids')::integer, t.url, t.item_key, t.title, t.summary, t.author, t.source_id, t.source_name, t.published_at, t.ingested_at,
            ($10::text[])[t.topics_from:t.topics_to], t.image_url, t.is_new, t.title_key, t.story_id
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::integer[], $7::text[], $8::timestamptz[], $9::timestamptz[],
            $11::integer[], $12::integer[], $13::text[], $14::boolean[], $15::text[], $16::integer[])
            WITH ORDINALITY AS t (url, item_key, title, summary, author, source_id, source_name, published_at, ingested_at,
            topics_from, topics_to, image_url, is_new, title_key, story_id, n)
        ORDER BY t.n
        RETURNING id
        """;

    /// <summary>As <see cref="Insert"/>, with the ids drawn before (<see cref="DrawIds"/>) as one more column.</summary>
    public const string InsertNumbered = """
        INSERT INTO articles (id, url, item_key, title, summary, author, source_id, source_name, published_at, ingested_at, topics, image_url, is_new, title_key, story_id)
        SELECT t.id, t.url, t.item_key, t.title, t.summary, t.author, t.source_id, t.source_name, t.published_at, t.ingested_at,
            ($10::text[])[t.topics_from:t.topics_to], t.image_url, t.is_new, t.title_key, t.story_id
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::integer[], $7::text[], $8::timestamptz[], $9::timestamptz[],
            $11::integer[], $12::integer[], $13::text[], $14::boolean[], $15::text[], $16::integer[], $17::integer[])
            AS t (url, item_key, title, summary, author, source_id, source_name, published_at, ingested_at,
            topics_from, topics_to, image_url, is_new, title_key, story_id, id)
        """;

    /// <summary>So many ids from the article sequence, in ascending order.</summary>
    public const string DrawIds = "SELECT nextval('article_ids')::integer FROM generate_series(1, $1) ORDER BY 1";

    /// <summary>The parameters of <see cref="InsertNumbered"/>: those of <see cref="Insert"/>, then the ids.</summary>
    public static object?[] Values(IReadOnlyList<ArticleDraft> drafts, int[] ids) => [.. Values(drafts), ids];

    /// <summary>The parameters of <see cref="Insert"/> for <paramref name="drafts"/>, in the order of its placeholders.</summary>
    public static object?[] Values(IReadOnlyList<ArticleDraft> drafts)
    {
        var topics = new List<string>();
        var topicsFrom = new int[drafts.Count];
        var topicsTo = new int[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
        {
            topicsFrom[i] = topics.Count + 1;
            topics.AddRange(drafts[i].Article.Topics);
            topicsTo[i] = topics.Count;
        }

        return
        [
            Column(drafts, d => d.Article.Url),
            Column(drafts, d => d.Article.ItemKey),
            Column(drafts, d => d.Article.Title),
            Column(drafts, d => d.Article.Summary),
            Column(drafts, d => d.Article.Author),
            Column(drafts, d => d.Article.SourceId),
            Column(drafts, d => d.Article.SourceName),
            Column(drafts, d => Dates.ToStored(d.Article.PublishedAt)),
            Column(drafts, d => Dates.ToStored(d.Article.IngestedAt)),
            topics.ToArray(),
            topicsFrom,
            topicsTo,
            Column(drafts, d => d.Article.ImageUrl),
            Column(drafts, d => d.Article.IsNew),
            Column(drafts, d => d.TitleKey),
            Column(drafts, d => d.Article.StoryId),
        ];
    }

    private static T[] Column<T>(IReadOnlyList<ArticleDraft> drafts, Func<ArticleDraft, T> value)
    {
        var column = new T[drafts.Count];
        for (var i = 0; i < column.Length; i++)
        {
            column[i] = value(drafts[i]);
        }

        return column;
    }
}
