namespace NewsBot.Core.Chats;

/// <summary>A chat on one platform, written as <c>platform:id</c> (e.g. <c>telegram:-100123</c>).</summary>
public readonly record struct ChatAddress(string Platform, string Id)
{
    public string Key => $"{Platform}:{Id}";

    public override string ToString() => Key;

    public static ChatAddress Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == key.Length - 1)
        {
            throw new FormatException($"'{key}' is not a chat key of the form platform:id.");
        }

        return new ChatAddress(key[..colon], key[(colon + 1)..]);
    }
}
