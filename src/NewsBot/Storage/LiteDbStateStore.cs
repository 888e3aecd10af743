namespace NewsBot.Storage;

/// <summary>Named values in the <c>state</c> collection, beside the schema version.</summary>
internal sealed class LiteDbStateStore(NewsBotDatabase database) : IStateStore
{
    private const string ReservedName = "schema";

    public ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Get(name));

    public ValueTask SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        Set(name, value);
        return ValueTask.CompletedTask;
    }

    private string? Get(string name) => database.State.FindById(Check(name))?.Value;

    private void Set(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        database.State.Upsert(new StateDocument { Id = Check(name), Value = value });
    }

    private static string Check(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (string.Equals(name, ReservedName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The schema version is not a state value.", nameof(name));
        }

        return name;
    }
}
