using LiteDB;

namespace NewsBot.Storage;

/// <summary>
/// What filling the index at start reads of a stored article: its id, title, summary, source,
/// publication time, topics and story, and nothing else. LiteDB decodes only the fields a query
/// selects, so the address, item key, source name, title key and the rest are skipped, not
/// turned into strings; the articles made here carry empty values for them and serve only to
/// be indexed.
/// </summary>
internal static class IndexedArticleFields
{
    // An array, not a document: its values are taken by position, with no field names to
    // build and look up per article.
    public static readonly BsonExpression Select = BsonExpression.Create(
        $"[$._id, $.{nameof(ArticleDocument.Title)}, $.{nameof(ArticleDocument.Summary)}, $.{nameof(ArticleDocument.SourceId)}, " +
        $"$.{nameof(ArticleDocument.PublishedAt)}, $.{nameof(ArticleDocument.Topics)}, $.{nameof(ArticleDocument.StoryId)}]");

    /// <summary>An article for the index from a row <see cref="Select"/> made; a missing or null field reads as empty.</summary>
    public static Article ToArticle(BsonDocument row)
    {
        var values = Values(row);
        return new Article(
            values[0].AsInt32,
            "",
            "",
            Text(values[1]),
            Text(values[2]),
            null,
            Number(values[3]),
            "",
            values[4].IsDateTime ? Dates.FromStored(values[4].AsDateTime) : Dates.FromStored(default(DateTime)),
            default,
            Texts(values[5]),
            null)
        {
            StoryId = Number(values[6]),
        };
    }

    // A query's select that is not a document comes back wrapped in one, as its only field.
    private static BsonArray Values(BsonDocument row)
    {
        foreach (var value in row.Values)
        {
            return value.AsArray;
        }

        throw new InvalidDataException("LiteDB returned an empty row for an article.");
    }

    private static string Text(BsonValue value) => value.IsString ? value.AsString : "";

    private static int Number(BsonValue value) => value.IsInt32 ? value.AsInt32 : 0;

    private static string[] Texts(BsonValue value)
    {
        if (!value.IsArray)
        {
            return [];
        }

        var items = value.AsArray;
        var texts = new string[items.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = items[i].IsString ? items[i].AsString : "";
        }

        return texts;
    }
}
