using LiteDB;

namespace NewsBot.Storage;

/// <summary>
/// An <see cref="ArticleDocument"/> as the BSON LiteDB's mapper would make of it (nulls left
/// out, empty strings kept), built field by field: the mapper finds each property by reflection
/// and boxes every value, a tenth of what storing a new article cost.
/// </summary>
internal static class ArticleDocumentBson
{
    public static BsonDocument From(ArticleDocument article)
    {
        var document = new BsonDocument
        {
            ["_id"] = article.Id,
            [nameof(ArticleDocument.Url)] = article.Url,
            [nameof(ArticleDocument.ItemKey)] = article.ItemKey,
            [nameof(ArticleDocument.Title)] = article.Title,
            [nameof(ArticleDocument.Summary)] = article.Summary,
        };
        Optional(document, nameof(ArticleDocument.Author), article.Author);
        document[nameof(ArticleDocument.SourceId)] = article.SourceId;
        document[nameof(ArticleDocument.SourceName)] = article.SourceName;
        document[nameof(ArticleDocument.PublishedAt)] = article.PublishedAt;
        document[nameof(ArticleDocument.PublishedDay)] = article.PublishedDay;
        document[nameof(ArticleDocument.IngestedAt)] = article.IngestedAt;
        document[nameof(ArticleDocument.Topics)] = Texts(article.Topics);
        Optional(document, nameof(ArticleDocument.ImageUrl), article.ImageUrl);
        document[nameof(ArticleDocument.IsNew)] = article.IsNew;
        document[nameof(ArticleDocument.TitleKey)] = article.TitleKey;
        document[nameof(ArticleDocument.StoryId)] = article.StoryId;
        document[nameof(ArticleDocument.AlsoIn)] = Texts(article.AlsoIn);
        return document;
    }

    private static void Optional(BsonDocument document, string field, string? value)
    {
        if (value is not null)
        {
            document[field] = value;
        }
    }

    private static BsonArray Texts(List<string> values)
    {
        var array = new BsonArray();
        foreach (var value in values)
        {
            array.Add(value);
        }

        return array;
    }
}
