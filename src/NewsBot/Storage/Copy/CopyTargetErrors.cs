using System.Net.Sockets;
using Npgsql;

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

    public static bool IsConnectionProblem(Exception exception) =>
        exception is NpgsqlException or SocketException or TimeoutException;

    public static CopyRefusedException Refused(Exception exception, NpgsqlConnectionStringBuilder target) =>
        new(Redact(Describe(exception, Where(target)) + Unchanged, target.Password), exception);

    /// <summary>"host:port/database as user": what a message may say about the target.</summary>
    public static string Where(NpgsqlConnectionStringBuilder target)
    {
        var database = string.IsNullOrEmpty(target.Database) ? target.Username : target.Database;
        return $"{target.Host}:{target.Port}/{database} as {target.Username ?? Environment.UserName}";
    }

    private static string Describe(Exception exception, string where) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } refused =>
            $"The PostgreSQL server at {where} refused the login ({Sentence(refused.MessageText)}). Check Username and Password in {Option}.",
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } missing =>
            $"The PostgreSQL server at {where} has no such database ({Sentence(missing.MessageText)}). Create an empty one (createdb -O <user> <name>) or fix Database= in {Option}.",
        PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } denied =>
            $"The PostgreSQL user at {where} may not create NewsBot's tables ({Sentence(denied.MessageText)}). Connect as the database's owner, or grant CREATE on the schema.",
        PostgresException other =>
            $"The PostgreSQL server at {where} answered {other.SqlState}: {Sentence(other.MessageText)}. Check {Option}.",
        NpgsqlException { InnerException: SocketException socket } => Unreachable(where, socket),
        SocketException socket => Unreachable(where, socket),
        NpgsqlException { InnerException: TimeoutException } or TimeoutException =>
            $"The PostgreSQL server at {where} did not answer in time. Check Host and Port in {Option}, and that the server runs.",
        _ => $"Cannot use the PostgreSQL server at {where}: {Sentence(exception.Message)}. Check {Option}.",
    };

    private static string Unreachable(string where, SocketException socket) =>
        $"Cannot reach the PostgreSQL server at {where}: {Sentence(socket.Message)}. Check Host and Port in {Option}, and that the server runs and accepts TCP connections.";

    private static string Sentence(string text) => text.Trim().TrimEnd('.');

    private static string Redact(string message, string? password) =>
        string.IsNullOrEmpty(password) || password.Length < 4 ? message : message.Replace(password, "[redacted]", StringComparison.Ordinal);
}
