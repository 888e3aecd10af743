namespace NewsBot.Core.Chats;

public interface IUserStore
{
    void Touch(UserAddress user, string displayName, DateTimeOffset now);

    int Count();
}
