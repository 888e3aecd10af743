namespace NewsBot.Storage;

internal sealed class LiteDbUserStore(NewsBotDatabase database) : IUserStore
{
    private readonly Lock _writeLock = new();

    public ValueTask TouchAsync(UserAddress user, string displayName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Touch(user, displayName, now);
        return ValueTask.CompletedTask;
    }

    private void Touch(UserAddress user, string displayName, DateTimeOffset now)
    {
        lock (_writeLock)
        {
            var document = database.Users.FindById(user.Key) ?? new UserDocument { Id = user.Key, FirstSeen = Dates.ToStored(now) };
            document.DisplayName = displayName;
            document.LastSeen = Dates.ToStored(now);
            database.Users.Upsert(document);
        }
    }
}
