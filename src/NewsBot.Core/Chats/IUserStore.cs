namespace NewsBot.Core.Chats;

public interface IUserStore
{
    ValueTask TouchAsync(UserAddress user, string displayName, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The language code the person chose with /language; null when they chose none (or are unknown).</summary>
    ValueTask<string?> FindLanguageAsync(UserAddress user, CancellationToken cancellationToken);

    /// <summary>Keeps the person's choice of language, creating their record if needed.</summary>
    ValueTask SetLanguageAsync(UserAddress user, string displayName, string languageCode, DateTimeOffset now, CancellationToken cancellationToken);
}
