namespace NewsBot.Tests.Fakes;

/// <summary>A stored reason or error as an English reader is shown it (they are stored as keys, see <see cref="StoredText"/>).</summary>
internal static class Shown
{
    public static string InEnglish(string? stored) => stored is null ? "" : StoredText.InEnglish(stored);

    /// <summary>A feed's stored error or problem, in English.</summary>
    public static string English(this string stored) => StoredText.InEnglish(stored);

    /// <summary>A parse's problems, in English.</summary>
    public static List<string> English(this IReadOnlyList<string> stored) => stored.Select(StoredText.InEnglish).ToList();
}
