namespace NewsBot.Monitoring;

/// <summary>The sources by health, for the metrics; read from the store when scraped, as <see cref="IOutboxFigures"/> is.</summary>
internal interface ISourceFigures
{
    /// <summary>Sources by state: <c>healthy</c>, <c>failing</c> (enabled with at least one failure in a row) and <c>disabled</c>.</summary>
    IReadOnlyDictionary<string, int> ByHealth();
}
