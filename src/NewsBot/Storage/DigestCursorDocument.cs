namespace NewsBot.Storage;

internal sealed class DigestCursorDocument
{
    /// <summary>The subscription's id.</summary>
    public int Id { get; set; }
    public int LastArticleId { get; set; }
    public DateTime LastRunAt { get; set; }

    /// <summary>yyyy-MM-dd in the chat's zone.</summary>
    public string LastLocalDate { get; set; } = "";
}
