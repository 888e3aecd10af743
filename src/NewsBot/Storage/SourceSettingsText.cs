namespace NewsBot.Storage;

/// <summary>How the settings of sources and the full texts of articles are written in either database: lower-case words that read well in a query.</summary>
internal static class SourceSettingsText
{
    public const string Auto = "auto";
    public const string Never = "never";

    public static string Of(FullTextMode mode) => mode == FullTextMode.Never ? Never : Auto;

    public static FullTextMode FullText(string? stored) => stored == Never ? FullTextMode.Never : FullTextMode.Auto;

    public static long? Milliseconds(TimeSpan? interval) => interval is { } value ? (long)value.TotalMilliseconds : null;

    public static TimeSpan? Interval(long? milliseconds) => milliseconds is { } value ? TimeSpan.FromMilliseconds(value) : null;

    public static string Of(ArticleTextOrigin origin) => origin.ToString().ToLowerInvariant();

    public static ArticleTextOrigin Origin(string? stored) =>
        Enum.TryParse<ArticleTextOrigin>(stored, ignoreCase: true, out var origin) ? origin : ArticleTextOrigin.Failed;

    public static string Of(FullTextProblem problem) => problem == FullTextProblem.None ? "" : problem.ToString().ToLowerInvariant();

    public static FullTextProblem Problem(string? stored) =>
        Enum.TryParse<FullTextProblem>(stored, ignoreCase: true, out var problem) ? problem : FullTextProblem.None;
}
