namespace NewsBot.Monitoring;

/// <summary>What the outbox holds, for the status page and the metrics; read from the store.</summary>
internal interface IOutboxFigures
{
    /// <summary>Pending entries per kind (<c>Story</c>, <c>Digest</c>, <c>Announcement</c>); every kind is present, with 0 when empty.</summary>
    IReadOnlyDictionary<string, int> PendingByKind();
}
