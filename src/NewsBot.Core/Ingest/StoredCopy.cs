namespace NewsBot.Core.Ingest;

/// <summary>A prepared copy whose new articles are stored and indexed, not yet handed on (<see cref="ArticleIngestor.PublishAsync"/>).</summary>
public sealed record StoredCopy(PreparedCopy Copy, AddResult Result);
