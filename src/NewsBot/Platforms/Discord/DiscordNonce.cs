using System.Security.Cryptography;

namespace NewsBot.Platforms.Discord;

/// <summary>
/// Message nonces: the same parts always give the same nonce, so with <c>enforce_nonce</c> a send
/// that is repeated (after a timeout, or a retry of a reply in several parts) posts only once.
/// </summary>
internal static class DiscordNonce
{
    /// <summary>Discord's limit for a nonce.</summary>
    public const int Length = 25;

    public static string For(params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001F', parts)));
        return ("n" + Convert.ToHexStringLower(hash))[..Length];
    }
}
