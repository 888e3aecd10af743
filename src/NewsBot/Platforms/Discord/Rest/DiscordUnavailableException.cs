namespace NewsBot.Platforms.Discord.Rest;

/// <summary>
/// Nothing could be sent: Discord is shut down (the token was refused) or the network failed.
/// <see cref="IsTransient"/> tells whether trying again later may help.
/// </summary>
internal sealed class DiscordUnavailableException : Exception
{
    public DiscordUnavailableException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException) => IsTransient = isTransient;

    public DiscordUnavailableException()
        : this("Discord is unavailable", isTransient: true)
    {
    }

    public DiscordUnavailableException(string message)
        : this(message, isTransient: true)
    {
    }

    public DiscordUnavailableException(string message, Exception innerException)
        : this(message, isTransient: true, innerException)
    {
    }

    public bool IsTransient { get; }
}
