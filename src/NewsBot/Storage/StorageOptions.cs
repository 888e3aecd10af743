using NewsBot.Storage.Postgres;

namespace NewsBot.Storage;

/// <summary>Which database holds everything NewsBot remembers: the keys of the <c>Storage</c> section beside the backup keys.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><see cref="StorageProviders.LiteDb"/> (one file, one process) or <see cref="StorageProviders.Postgres"/>.</summary>
    public string Provider { get; set; } = StorageProviders.LiteDb;

    public PostgresOptions Postgres { get; set; } = new();
}
