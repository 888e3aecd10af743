using LiteDB;
using NewsBot.Core.Articles;

namespace NewsBot.Storage;

/// <summary>
/// Reads an <see cref="Article"/> straight from a stored articles document, as
/// <see cref="LiteDbArticleStore.ToArticle"/> would make it from the <see cref="ArticleDocument"/>
/// LiteDB's mapper fills: a field that is missing keeps the document's default, one stored as
/// null stays null. The start-up read goes through here: the mapper finds each property by
/// reflection and copies every value through an object of its own, which at a million articles
/// cost a quarter of the read.
/// </summary>
internal static class StoredArticle
{
    public static Article ToArticle(BsonDocument document)
    {
        var storyId = Number(document, nameof(ArticleDocument.StoryId));
        var alsoIn = Texts(document, nameof(ArticleDocument.AlsoIn));
        return new Article(
            Number(document, "_id"),
            Text(document, nameof(ArticleDocument.Url), "")!,
            Text(document, nameof(ArticleDocument.ItemKey), "")!,
            Text(document, nameof(ArticleDocument.Title), "") ?? "",
            Text(document, nameof(ArticleDocument.Summary), "") ?? "",
            Text(document, nameof(ArticleDocument.Author), null),
            Number(document, nameof(ArticleDocument.SourceId)),
            Text(document, nameof(ArticleDocument.SourceName), "")!,
            Dates.FromStored(Date(document, nameof(ArticleDocument.PublishedAt))),
            Dates.FromStored(Date(document, nameof(ArticleDocument.IngestedAt))),
            Texts(document, nameof(ArticleDocument.Topics))!,
            Text(document, nameof(ArticleDocument.ImageUrl), null),
            !document.TryGetValue(nameof(ArticleDocument.IsNew), out var isNew) || isNew.AsBoolean)
        {
            StoryId = storyId,
            AlsoIn = alsoIn!,
        };
    }

    private static string? Text(BsonDocument document, string field, string? missing) =>
        document.TryGetValue(field, out var value) ? (value.IsNull ? null : value.AsString) : missing;

    private static int Number(BsonDocument document, string field) =>
        document.TryGetValue(field, out var value) ? value.AsInt32 : 0;

    private static DateTime Date(BsonDocument document, string field) =>
        document.TryGetValue(field, out var value) ? value.AsDateTime : default;

    private static List<string>? Texts(BsonDocument document, string field)
    {
        if (!document.TryGetValue(field, out var value))
        {
            return [];
        }

        if (value.IsNull)
        {
            return null;
        }

        var items = value.AsArray;
        var texts = new List<string>(items.Count);
        foreach (var item in items)
        {
            texts.Add(item.IsNull ? null! : item.AsString);
        }

        return texts;
    }
}
