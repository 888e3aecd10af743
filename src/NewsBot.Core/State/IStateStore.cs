namespace NewsBot.Core.State;

/// <summary>
/// Small named values the bot must remember across restarts: cursors such as Telegram's update
/// offset or a Discord session. Names are chosen by their owner, e.g. <c>telegram.offset</c>.
/// </summary>
public interface IStateStore
{
    /// <summary>The stored value, or null when nothing was stored under the name.</summary>
    ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Stores the value durably before returning.</summary>
    ValueTask SetAsync(string name, string value, CancellationToken cancellationToken);
}
