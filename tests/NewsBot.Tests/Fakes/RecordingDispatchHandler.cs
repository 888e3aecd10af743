namespace NewsBot.Tests.Fakes;

/// <summary>Keeps every dispatch event it is given (name and a copy of the data); an optional behaviour runs first.</summary>
internal sealed class RecordingDispatchHandler : IDiscordDispatchHandler
{
    private readonly Lock _lock = new();
    private readonly List<(string Name, JsonElement Data)> _events = [];
    private readonly ChangeSignal _changes = new();

    /// <summary>Runs before the event is recorded, e.g. to block or throw.</summary>
    public Func<string, JsonElement, CancellationToken, Task>? Behaviour { get; set; }

    public IReadOnlyList<(string Name, JsonElement Data)> Events
    {
        get
        {
            lock (_lock)
            {
                return _events.ToList();
            }
        }
    }

    public IReadOnlyList<string> Names => Events.Select(e => e.Name).ToList();

    public async Task HandleAsync(string eventName, JsonElement data, CancellationToken cancellationToken)
    {
        if (Behaviour is { } behaviour)
        {
            await behaviour(eventName, data, cancellationToken);
        }

        lock (_lock)
        {
            _events.Add((eventName, data.ValueKind == JsonValueKind.Undefined ? default : data.Clone()));
        }

        _changes.Pulse();
    }

    /// <summary>Waits (a few seconds at most) until an event with this name was handled.</summary>
    public async Task<JsonElement> WaitForAsync(string eventName, int nth = 1)
    {
        var found = default(JsonElement);
        await Eventually.WaitUntilAsync(
            () =>
            {
                var matching = Events.Where(e => e.Name == eventName).Skip(nth - 1).ToList();
                found = matching.Count > 0 ? matching[0].Data : default;
                return matching.Count > 0;
            },
            $"{eventName} event #{nth}",
            changes: _changes,
            seen: () => $"handled [{string.Join(", ", Names)}]");
        return found;
    }
}
