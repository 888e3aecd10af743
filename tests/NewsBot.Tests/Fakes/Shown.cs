namespace NewsBot.Tests.Fakes;

/// <summary>A stored reason or error as an English reader is shown it (they are stored as keys, see <see cref="StoredText"/>).</summary>
internal static class Shown
{
    public static string InEnglish(string? stored) =>
        stored is null ? "" : StoredText.Render(stored, LanguageCatalog.Default.For(LanguageCatalog.Default.English));
}
