namespace NewsBot.Storage;

internal sealed class LiteDbDigestCursorStore(NewsBotDatabase database) : IDigestCursorStore
{
    private const string DateFormat = "yyyy-MM-dd";

    public ValueTask<DigestCursor?> FindAsync(int subscriptionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Find(subscriptionId));

    public ValueTask SaveAsync(IReadOnlyList<DigestCursor> cursors, CancellationToken cancellationToken)
    {
        Save(cursors);
        return ValueTask.CompletedTask;
    }

    private DigestCursor? Find(int subscriptionId)
    {
        var document = database.DigestCursors.FindById(subscriptionId);
        return document is null ? null : new DigestCursor(
            document.Id,
            document.LastArticleId,
            Dates.FromStored(document.LastRunAt),
            DateOnly.TryParseExact(document.LastLocalDate, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : DateOnly.MinValue);
    }

    private void Save(IReadOnlyList<DigestCursor> cursors)
    {
        if (cursors.Count == 0)
        {
            return;
        }

        database.Database.InTransaction(() =>
        {
            foreach (var cursor in cursors)
            {
                database.DigestCursors.Upsert(new DigestCursorDocument
                {
                    Id = cursor.SubscriptionId,
                    LastArticleId = cursor.LastArticleId,
                    LastRunAt = Dates.ToStored(cursor.LastRunAt),
                    LastLocalDate = cursor.LastLocalDate.ToString(DateFormat, CultureInfo.InvariantCulture),
                });
            }
        });
    }
}
