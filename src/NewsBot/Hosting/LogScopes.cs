namespace NewsBot.Hosting;

/// <summary>
/// Scopes that put the id of what a log line is about into every line written inside them, as a
/// field of its own in JSON logs (<c>Logging:Console:FormatterName=json</c>).
/// </summary>
internal static class LogScopes
{
    public static IDisposable? Source(ILogger logger, FeedSource source) =>
        logger.BeginScope("Source #{SourceId} {SourceName}", source.Id, source.Name);
}
