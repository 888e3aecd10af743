namespace NewsBot.Storage;

/// <summary>An article's full text in LiteDB, under the article's own id.</summary>
internal sealed class ArticleTextDocument
{
    public int Id { get; set; }
    public string Origin { get; set; } = "";
    public string Text { get; set; } = "";
    public string Problem { get; set; } = "";
    public DateTime StoredAt { get; set; }
}
