namespace NewsBot.Storage.Postgres;

/// <summary>The <c>Storage:Postgres</c> keys.</summary>
internal sealed class PostgresOptions
{
    public const string ConnectionStringKey = StorageOptions.SectionName + ":Postgres:" + nameof(ConnectionString);

    /// <summary>
    /// An Npgsql connection string. It holds a password, so it is a secret: it comes from the
    /// environment or a credential file, and no log line or message repeats it.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;
}
