namespace NewsBot.Core.Ingest;

/// <param name="FirstFetch">The source has never been read: store its items, but none counts as new.</param>
/// <param name="NewItemMaxAge">Items published longer ago than this are stored but do not count as new.</param>
public sealed record IngestOptions(bool FirstFetch, TimeSpan NewItemMaxAge);
