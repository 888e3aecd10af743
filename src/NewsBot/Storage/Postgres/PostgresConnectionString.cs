using Npgsql;

namespace NewsBot.Storage.Postgres;

/// <summary>
/// Reads <c>Storage:Postgres:ConnectionString</c> without ever repeating it: it carries a
/// password, and a parser's message may quote part of it (a password with an unquoted
/// semicolon reads as a key).
/// </summary>
internal static class PostgresConnectionString
{
    /// <summary>What is wrong with the setting, naming the key; null when it can be used.</summary>
    public static string? Check(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"{PostgresOptions.ConnectionStringKey} must be set when {StorageProviders.SettingKey} is {StorageProviders.Postgres}, "
                + "e.g. \"Host=db.example;Database=newsbot;Username=newsbot;Password=…\". Keep it out of appsettings.json: "
                + "set Storage__Postgres__ConnectionString in the environment or a credential file.";
        }

        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return $"{PostgresOptions.ConnectionStringKey} cannot be read as a PostgreSQL connection string: it has an unknown key, "
                + "a value of the wrong kind or a quoting mistake (a value holding ; or = must be in double quotes). "
                + "It is not repeated here because it holds a password.";
        }

        if (string.IsNullOrWhiteSpace(parsed.Host))
        {
            return $"{PostgresOptions.ConnectionStringKey} names no server: add Host=<name or address> (and Port= when it is not 5432).";
        }

        return null;
    }

    /// <summary>"host:port/database as user": what a message may say about where NewsBot tried to connect.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connectionString);
            var database = string.IsNullOrEmpty(parsed.Database) ? parsed.Username : parsed.Database;
            return $"{parsed.Host}:{parsed.Port}/{database} as {parsed.Username ?? Environment.UserName}";
        }
        catch (ArgumentException)
        {
            return "the configured server";
        }
    }
}
