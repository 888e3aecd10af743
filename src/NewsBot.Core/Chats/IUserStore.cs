namespace NewsBot.Core.Chats;

public interface IUserStore
{
    ValueTask TouchAsync(UserAddress user, string displayName, DateTimeOffset now, CancellationToken cancellationToken);
}
