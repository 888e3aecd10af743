using Npgsql;
using NewsBot.Storage.Postgres;

namespace NewsBot.Storage.Copy;

/// <summary>
/// What the server or the driver said when the copy target cannot be used, as one sentence naming
/// <c>--to-postgres</c> and where it pointed (server, port, database, user: never the password,
/// which is also blanked should either ever echo it).
/// </summary>
internal static class CopyTargetErrors
{
    private const string Option = CopyTarget.Option;
    private const string Unchanged = " Nothing was written.";

    public static CopyRefusedException Refused(Exception exception, NpgsqlConnectionStringBuilder target) =>
        new(Redact(Describe(exception, Where(target)) + Unchanged, target.Password), exception);

    /// <summary>"host:port/database as user": what a message may say about the target.</summary>
    public static string Where(NpgsqlConnectionStringBuilder target)
    {
        var database = string.IsNullOrEmpty(target.Database) ? target.Username : target.Database;
        return $"{target.Host}:{target.Port}/{database} as {target.Username ?? Environment.UserName}";
    }

    /// <summary>A copy needs an empty database it may fill: the advice for those two cases says so.</summary>
    private static string Describe(Exception exception, string where) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } missing =>
            $"The PostgreSQL server at {where} has no such database ({PostgresErrors.Sentence(missing.MessageText)}). Create an empty one (createdb -O <user> <name>) or fix Database= in {Option}.",
        PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } denied =>
            $"The PostgreSQL user at {where} may not create NewsBot's tables ({PostgresErrors.Sentence(denied.MessageText)}). Connect as the database's owner, or grant CREATE on the schema.",
        _ => PostgresErrors.Describe(exception, where, Option),
    };

    private static string Redact(string message, string? password) =>
        string.IsNullOrEmpty(password) || password.Length < 4 ? message : message.Replace(password, "[redacted]", StringComparison.Ordinal);
}
