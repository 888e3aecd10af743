namespace NewsBot.Core.Articles;

public static class TopicNames
{
    /// <summary>Topics are compared and stored in lower case, trimmed.</summary>
    public static string Normalize(string topic) => topic.Trim().ToLowerInvariant();
}
