namespace NewsBot.Platforms.Telegram;

/// <summary>Who the bot is on Telegram, learned from getMe at start; commands may name it (<c>/latest@NewsBot</c>).</summary>
internal sealed class TelegramBotIdentity
{
    private volatile string? _userName;

    public string? UserName => _userName;

    public long Id { get; private set; }

    public void Set(long id, string? userName)
    {
        Id = id;
        _userName = userName;
    }
}
