namespace NewsBot.Tests.Feeds;

/// <summary>What the feed code reports (stored texts), read as an English reader and the log read it.</summary>
internal static class EnglishFeedTexts
{
    public static string English(this string stored) => StoredText.InEnglish(stored);

    public static List<string> English(this IReadOnlyList<string> stored) => stored.Select(StoredText.InEnglish).ToList();
}
