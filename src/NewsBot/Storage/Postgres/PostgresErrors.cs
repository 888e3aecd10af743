using System.Net.Sockets;
using Npgsql;

namespace NewsBot.Storage.Postgres;

/// <summary>
/// Turns what Npgsql and the server say when NewsBot cannot use the database into one sentence
/// that names the setting to fix. The connection string is never repeated; its password is
/// blanked from anything the server or the driver said, should either ever echo it.
/// </summary>
internal static class PostgresErrors
{
    private const string Key = PostgresOptions.ConnectionStringKey;

    public static bool IsConnectionProblem(Exception exception) =>
        exception is NpgsqlException or SocketException or TimeoutException;

    public static DatabaseUnavailableException Unavailable(Exception exception, string where, string connectionString) =>
        new(Redact(Describe(exception, where, Key), connectionString), exception);

    /// <summary>The sentence for <paramref name="exception"/>, naming <paramref name="setting"/> as what to fix.</summary>
    public static string Describe(Exception exception, string where, string setting) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } refused =>
            $"The PostgreSQL server at {where} refused the login ({Sentence(refused.MessageText)}). Check Username and Password in {setting}.",
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } missing =>
            $"The PostgreSQL server at {where} has no such database ({Sentence(missing.MessageText)}). Create it (createdb -O <user> <name>) or fix Database= in {setting}.",
        PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } denied =>
            $"The PostgreSQL user at {where} may not create NewsBot's tables ({Sentence(denied.MessageText)}). Let the database's owner connect, or grant CREATE on the schema; see {setting}.",
        PostgresException { SqlState: PostgresErrorCodes.DuplicateTable } clash =>
            $"The PostgreSQL database at {where} already has tables of NewsBot's names but no NewsBot schema version ({Sentence(clash.MessageText)}). Point {setting} at an empty database.",
        PostgresException other =>
            $"The PostgreSQL server at {where} answered {other.SqlState}: {Sentence(other.MessageText)}. Check {setting}.",
        NpgsqlException { InnerException: SocketException socket } => Unreachable(where, socket, setting),
        SocketException socket => Unreachable(where, socket, setting),
        NpgsqlException { InnerException: TimeoutException } or TimeoutException =>
            $"The PostgreSQL server at {where} did not answer in time. Check Host and Port in {setting}, and that the server runs.",
        _ => $"Cannot use the PostgreSQL server at {where}: {Sentence(exception.Message)}. Check {setting}.",
    };

    private static string Unreachable(string where, SocketException socket, string setting) =>
        $"Cannot reach the PostgreSQL server at {where}: {Sentence(socket.Message)}. Check Host and Port in {setting}, and that the server runs and accepts TCP connections.";

    public static string Sentence(string text) => text.Trim().TrimEnd('.');

    private static string Redact(string message, string connectionString)
    {
        try
        {
            var password = new NpgsqlConnectionStringBuilder(connectionString).Password;
            return string.IsNullOrEmpty(password) || password.Length < 4 ? message : message.Replace(password, "[redacted]", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return message;
        }
    }
}
