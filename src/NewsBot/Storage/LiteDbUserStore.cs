namespace NewsBot.Storage;

internal sealed class LiteDbUserStore(NewsBotDatabase database) : IUserStore
{
    private readonly Lock _writeLock = new();

    public ValueTask TouchAsync(UserAddress user, string displayName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Write(user, displayName, now, language: null);
        return ValueTask.CompletedTask;
    }

    public ValueTask<string?> FindLanguageAsync(UserAddress user, CancellationToken cancellationToken) =>
        ValueTask.FromResult(database.Users.FindById(user.Key)?.Language);

    public ValueTask SetLanguageAsync(UserAddress user, string displayName, string languageCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Write(user, displayName, now, languageCode);
        return ValueTask.CompletedTask;
    }

    private void Write(UserAddress user, string displayName, DateTimeOffset now, string? language)
    {
        lock (_writeLock)
        {
            var document = database.Users.FindById(user.Key) ?? new UserDocument { Id = user.Key, FirstSeen = Dates.ToStored(now) };
            document.DisplayName = displayName;
            document.LastSeen = Dates.ToStored(now);
            document.Language = language ?? document.Language;
            database.Users.Upsert(document);
        }
    }
}
