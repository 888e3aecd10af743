using System.Reflection;
using Npgsql;

namespace NewsBot.Storage.Copy;

/// <summary>One column of a copied table and how a document fills it.</summary>
internal sealed record CopiedColumn<TDocument>(string Name, Action<NpgsqlBinaryImporter, TDocument> Write);

/// <summary>
/// The columns of a copied table, read off its LiteDB document: each property becomes the column
/// of the same name in snake case (<c>LastAttemptAt</c> → <c>last_attempt_at</c>), written in
/// the type the property has; text that the document declares never null is written as empty
/// text when it is missing. A table names its key column and the few columns that differ.
/// </summary>
internal static class CopiedColumns
{
    /// <param name="key">The column the document's <c>Id</c> goes into.</param>
    /// <param name="special">Columns written another way; one named like a property replaces it.</param>
    /// <param name="skip">Properties that have no column of their own.</param>
    public static IReadOnlyList<CopiedColumn<TDocument>> Of<TDocument>(string key, IReadOnlyList<CopiedColumn<TDocument>>? special = null, params string[] skip)
    {
        special ??= [];
        var nullability = new NullabilityInfoContext();
        var columns = new List<CopiedColumn<TDocument>>();
        foreach (var property in typeof(TDocument).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => !skip.Contains(p.Name, StringComparer.Ordinal)))
        {
            var name = property.Name == "Id" ? key : SnakeCase(property.Name);
            columns.Add(special.FirstOrDefault(c => c.Name == name) ?? new CopiedColumn<TDocument>(name, Writer<TDocument>(property, nullability)));
        }

        columns.AddRange(special.Where(c => columns.All(known => known.Name != c.Name)));
        return columns;
    }

    /// <summary><c>ETag</c> → <c>etag</c>, <c>CurrentItemKeys</c> → <c>current_item_keys</c>: a word starts at an upper-case letter after a lower-case one.</summary>
    public static string SnakeCase(string name)
    {
        var snake = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(name[i]));
        }

        return snake.ToString();
    }

    private static Action<NpgsqlBinaryImporter, TDocument> Writer<TDocument>(PropertyInfo property, NullabilityInfoContext nullability)
    {
        var type = property.PropertyType;
        if (type == typeof(string))
        {
            var get = Getter<TDocument, string?>(property);
            return nullability.Create(property).ReadState == NullabilityState.Nullable
                ? (row, d) => row.Text(get(d))
                : (row, d) => row.Text(get(d) ?? "");
        }

        return type switch
        {
            _ when type == typeof(int) => Write<TDocument, int>(property, CopyImportWrites.Int),
            _ when type == typeof(int?) => Write<TDocument, int?>(property, CopyImportWrites.Int),
            _ when type == typeof(long) => Write<TDocument, long>(property, CopyImportWrites.Long),
            _ when type == typeof(long?) => Write<TDocument, long?>(property, CopyImportWrites.Long),
            _ when type == typeof(bool) => Write<TDocument, bool>(property, CopyImportWrites.Bool),
            _ when type == typeof(DateTime) => Write<TDocument, DateTime>(property, CopyImportWrites.Time),
            _ when type == typeof(DateTime?) => Write<TDocument, DateTime?>(property, CopyImportWrites.Time),
            _ when type == typeof(List<string>) => Write<TDocument, List<string>?>(property, CopyImportWrites.Texts),
            _ => throw new InvalidOperationException($"{typeof(TDocument).Name}.{property.Name} is a {type.Name}, which the copy cannot write; give its column a writer of its own."),
        };
    }

    private static Action<NpgsqlBinaryImporter, TDocument> Write<TDocument, TValue>(PropertyInfo property, Action<NpgsqlBinaryImporter, TValue> write)
    {
        var get = Getter<TDocument, TValue>(property);
        return (row, d) => write(row, get(d));
    }

    private static Func<TDocument, TValue> Getter<TDocument, TValue>(PropertyInfo property) =>
        property.GetMethod!.CreateDelegate<Func<TDocument, TValue>>();
}
