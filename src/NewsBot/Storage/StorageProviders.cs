namespace NewsBot.Storage;

/// <summary>The values of <c>Storage:Provider</c>.</summary>
internal static class StorageProviders
{
    public const string LiteDb = "LiteDb";
    public const string Postgres = "Postgres";
    public const string SettingKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.Provider);

    public static bool IsKnown(string? provider) =>
        string.IsNullOrWhiteSpace(provider)
        || string.Equals(provider.Trim(), LiteDb, StringComparison.OrdinalIgnoreCase)
        || string.Equals(provider.Trim(), Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the configuration chooses PostgreSQL. Anything else, an unknown value included,
    /// registers LiteDB; the options validator stops start-up on an unknown value before the
    /// database is opened.
    /// </summary>
    public static bool UsesPostgres(IConfiguration configuration) =>
        string.Equals(configuration[SettingKey]?.Trim(), Postgres, StringComparison.OrdinalIgnoreCase);
}
