using Npgsql;

namespace NewsBot.Storage.Postgres;

/// <summary>Commands with positional parameters ($1, $2…) and the reads the stores share.</summary>
internal static class PostgresCommands
{
    /// <summary>A command on <paramref name="connection"/>; a null value is sent as NULL and typed by the server from where it stands.</summary>
    public static NpgsqlCommand Sql(this NpgsqlConnection connection, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        Add(command.Parameters, values);
        return command;
    }

    public static NpgsqlBatchCommand BatchCommand(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        Add(command.Parameters, values);
        return command;
    }

    public static string? NullableString(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? NullableInt(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static DateTimeOffset Date(this NpgsqlDataReader reader, int ordinal) =>
        Dates.FromStored(reader.GetFieldValue<DateTime>(ordinal));

    public static DateTimeOffset? NullableDate(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Dates.FromStored(reader.GetFieldValue<DateTime>(ordinal));

    public static string[] Strings(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : reader.GetFieldValue<string[]>(ordinal);

    public static int[] Ints(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : reader.GetFieldValue<int[]>(ordinal);

    private static void Add(NpgsqlParameterCollection parameters, object?[] values)
    {
        foreach (var value in values)
        {
            parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }
}
