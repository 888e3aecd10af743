using Npgsql;

namespace NewsBot.Storage.Copy;

/// <summary>
/// Reads the target of <c>newsbot storage copy --to-postgres</c>: it must be an Npgsql connection
/// string naming a server. A file path (a LiteDB database, say), a URL and a LiteDB or SQLite
/// connection string are refused with a message saying what was given instead. The value is never
/// repeated, since it may hold a password; only a path to an existing file is named.
/// </summary>
internal static class CopyTarget
{
    public const string Option = "--to-postgres";

    private const string Example = "\"Host=db.example;Database=newsbot;Username=newsbot;Password=…\"";

    // Keys of LiteDB's and SQLite's connection strings that Npgsql does not have.
    private static readonly string[] FileKeys = ["filename", "file name", "data source", "datasource", "journal", "upgrade", "collation", "readonly", "initial size"];

    /// <summary>The parsed connection string.</summary>
    /// <exception cref="CopyRefusedException">It is not a usable PostgreSQL connection string.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new CopyRefusedException($"{Option} needs the connection string of an empty PostgreSQL database, like {Example}. Nothing was written.");
        }

        var value = target.Trim();
        if (File.Exists(value) || Directory.Exists(value))
        {
            throw new CopyRefusedException(
                $"{Option} names the file {Path.GetFullPath(value)}, not a PostgreSQL database. storage copy reads the LiteDB database of NewsBot:DataDirectory and writes into PostgreSQL: "
                + $"give {Option} a PostgreSQL connection string, like {Example}. Nothing was written.");
        }

        if (value.Contains("://", StringComparison.Ordinal))
        {
            throw new CopyRefusedException(
                $"{Option} was given a URL (scheme://…). Give the PostgreSQL database as a connection string of Key=Value pairs, like {Example}. "
                + "It is not repeated here because it may hold a password. Nothing was written.");
        }

        if (!value.Contains('=', StringComparison.Ordinal))
        {
            throw new CopyRefusedException(
                $"{Option} was given something that looks like a file path{(LooksLikeLiteDb(value) ? " of a LiteDB database" : "")}, not a PostgreSQL connection string. "
                + $"storage copy reads the LiteDB database of NewsBot:DataDirectory and writes into PostgreSQL: give {Option} a connection string like {Example}. Nothing was written.");
        }

        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(value);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            if (KeysOf(value).FirstOrDefault(k => FileKeys.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } fileKey)
            {
                throw new CopyRefusedException(
                    $"{Option} was given a connection string with {fileKey}=, which is a LiteDB or SQLite file's, not PostgreSQL's. "
                    + $"storage copy reads the LiteDB database of NewsBot:DataDirectory and writes into PostgreSQL: give {Option} a connection string like {Example}. Nothing was written.", ex);
            }

            throw new CopyRefusedException(
                $"{Option} cannot be read as a PostgreSQL connection string: it has an unknown key, a value of the wrong kind or a quoting mistake "
                + "(a value holding ; or = must be in double quotes). It is not repeated here because it may hold a password. Nothing was written.", ex);
        }

        if (LooksLikeLiteDb(parsed.Host ?? ""))
        {
            throw new CopyRefusedException(
                $"{Option} names a file as its server (Host ends in .db). storage copy reads the LiteDB database of NewsBot:DataDirectory and writes into PostgreSQL: "
                + $"give {Option} the PostgreSQL server's name or address in Host=. Nothing was written.");
        }

        if (string.IsNullOrWhiteSpace(parsed.Host))
        {
            throw new CopyRefusedException($"{Option} names no server: add Host=<name or address> (and Port= when it is not 5432). Nothing was written.");
        }

        if (string.IsNullOrWhiteSpace(parsed.ApplicationName))
        {
            parsed.ApplicationName = "newsbot storage copy";
        }

        return parsed;
    }

    private static bool LooksLikeLiteDb(string value) =>
        value.EndsWith(".db", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".litedb", StringComparison.OrdinalIgnoreCase);

    /// <summary>The key of each Key=Value pair; keys name settings, never secrets.</summary>
    private static List<string> KeysOf(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2)[0].Trim())
            .Where(key => key.Length > 0)
            .ToList();
}
