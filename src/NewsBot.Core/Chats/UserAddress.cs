namespace NewsBot.Core.Chats;

/// <summary>A person on one platform, written as <c>platform:id</c> (e.g. <c>discord:8123</c>).</summary>
public readonly record struct UserAddress(string Platform, string Id)
{
    public string Key => $"{Platform}:{Id}";

    public override string ToString() => Key;
}
