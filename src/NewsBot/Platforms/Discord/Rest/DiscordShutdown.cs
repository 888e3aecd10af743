namespace NewsBot.Platforms.Discord.Rest;

/// <summary>
/// Discord refused the bot token: nothing more may be sent to Discord until the token is fixed
/// and the bot restarted. The REST client trips it; the gateway watches <see cref="Token"/>.
/// </summary>
internal sealed class DiscordShutdown : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private string? _reason;

    public bool IsShutDown => _reason is not null;

    public string? Reason => _reason;

    /// <summary>Cancelled when Discord is shut down.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Shuts Discord down; true only for the call that did it.</summary>
    public bool Trip(string reason)
    {
        if (Interlocked.CompareExchange(ref _reason, reason, null) is not null)
        {
            return false;
        }

        _source.Cancel();
        return true;
    }

    public void Dispose() => _source.Dispose();
}
