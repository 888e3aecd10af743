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

    /// <summary>The parameters of <see cref="Insert"/> for <paramref name="drafts"/>.</summary>
    public static object?[] Values(IReadOnlyList<ArticleDraft> drafts)
    {
        var count = drafts.Count;
        var urls = new string[count];
        var itemKeys = new string[count];
        var titles = new string[count];
        var summaries = new string[count];
        var authors = new string?[count];
        var sourceIds = new int[count];
        var sourceNames = new string[count];
        var published = new DateTime[count];
        var ingested = new DateTime[count];
        var topics = new List<string>();
        var topicsFrom = new int[count];
        var topicsTo = new int[count];
        var images = new string?[count];
        var isNew = new bool[count];
        var titleKeys = new string[count];
        var stories = new int[count];
        for (var i = 0; i < count; i++)
        {
            var a = drafts[i].Article;
            urls[i] = a.Url;
            itemKeys[i] = a.ItemKey;
            titles[i] = a.Title;
            summaries[i] = a.Summary;
            authors[i] = a.Author;
            sourceIds[i] = a.SourceId;
            sourceNames[i] = a.SourceName;
            published[i] = Dates.ToStored(a.PublishedAt);
            ingested[i] = Dates.ToStored(a.IngestedAt);
            topicsFrom[i] = topics.Count + 1;
            topics.AddRange(a.Topics);
            topicsTo[i] = topics.Count;
            images[i] = a.ImageUrl;
            isNew[i] = a.IsNew;
            titleKeys[i] = drafts[i].TitleKey;
            stories[i] = a.StoryId;
        }

        return [urls, itemKeys, titles, summaries, authors, sourceIds, sourceNames, published, ingested, topics.ToArray(), topicsFrom, topicsTo, images, isNew, titleKeys, stories];
    }
}
