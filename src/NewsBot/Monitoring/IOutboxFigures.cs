namespace NewsBot.Monitoring;

/// <summary>What the outbox holds, for the status page and the metrics; read from the store.</summary>
internal interface IOutboxFigures
{
    /// <summary>Pending entries per kind (<c>story</c>, <c>digest</c>, <c>announcement</c>); every kind is present, with 0 when empty.</summary>
    IReadOnlyDictionary<string, int> PendingByKind();
}
