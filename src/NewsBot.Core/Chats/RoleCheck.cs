namespace NewsBot.Core.Chats;

/// <summary>What the platform says about mentioning a role in pushes to a chat, asked for one person.</summary>
public enum RoleMention
{
    /// <summary>The role is mentionable, or the person may mention any role.</summary>
    Allowed,

    /// <summary>The server has no such role.</summary>
    UnknownRole,

    /// <summary>The role is not mentionable and the person may not mention every role.</summary>
    NotAllowed,

    /// <summary>The role stands for everyone in the server; NewsBot does not ping it.</summary>
    Everyone,

    /// <summary>The platform could not be asked just now.</summary>
    Unavailable,
}

/// <summary>The answer about one role, with its name when the platform knows it.</summary>
public sealed record RoleCheck(RoleMention Verdict, string? Name);
