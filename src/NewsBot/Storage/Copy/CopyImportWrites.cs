using Npgsql;
using NpgsqlTypes;

namespace NewsBot.Storage.Copy;

/// <summary>One field of a row being copied in, in the column's type; null where a value is missing and the column allows it.</summary>
internal static class CopyImportWrites
{
    public static void Text(this NpgsqlBinaryImporter import, string? value)
    {
        if (value is null)
        {
            import.WriteNull();
        }
        else
        {
            import.Write(value, NpgsqlDbType.Text);
        }
    }

    public static void Int(this NpgsqlBinaryImporter import, int value) => import.Write(value, NpgsqlDbType.Integer);

    public static void Int(this NpgsqlBinaryImporter import, int? value)
    {
        if (value is { } number)
        {
            import.Write(number, NpgsqlDbType.Integer);
        }
        else
        {
            import.WriteNull();
        }
    }

    public static void Long(this NpgsqlBinaryImporter import, long value) => import.Write(value, NpgsqlDbType.Bigint);

    public static void Long(this NpgsqlBinaryImporter import, long? value)
    {
        if (value is { } known)
        {
            import.Long(known);
        }
        else
        {
            import.WriteNull();
        }
    }

    public static void Bool(this NpgsqlBinaryImporter import, bool value) => import.Write(value, NpgsqlDbType.Boolean);

    /// <summary>A LiteDB date as the PostgreSQL stores write it: UTC, to the millisecond.</summary>
    public static void Time(this NpgsqlBinaryImporter import, DateTime value) =>
        import.Write(Dates.ToStored(Dates.FromStored(value)), NpgsqlDbType.TimestampTz);

    public static void Time(this NpgsqlBinaryImporter import, DateTime? value)
    {
        if (value is { } time)
        {
            import.Time(time);
        }
        else
        {
            import.WriteNull();
        }
    }

    public static void Day(this NpgsqlBinaryImporter import, DateOnly value) => import.Write(value, NpgsqlDbType.Date);

    /// <summary>A list as a text array; a missing list (or a null inside one, which no store writes) as empty text.</summary>
    public static void Texts(this NpgsqlBinaryImporter import, List<string>? values) =>
        import.Write(values is null ? [] : values.Select(v => v ?? "").ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);

    public static void Ints(this NpgsqlBinaryImporter import, int[] values) =>
        import.Write(values, NpgsqlDbType.Array | NpgsqlDbType.Integer);
}
