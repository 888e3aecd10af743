using LiteDB;
using Npgsql;

namespace NewsBot.Storage.Copy;

/// <summary>
/// One LiteDB collection and the PostgreSQL table it goes into: how to read it a batch at a time
/// and how each document becomes a row. <see cref="CopiedTables"/> lists them all.
/// </summary>
internal abstract class CopiedTable(string name, string columns, string? idColumn)
{
    /// <summary>The table's name, also the collection's.</summary>
    public string Name { get; } = name;

    /// <summary>The columns the rows fill, in the order <see cref="CopyBatchAsync"/> writes them.</summary>
    public string Columns { get; } = columns;

    /// <summary>A numeric key column whose identity sequence must continue after the copied rows; null for tables keyed by text.</summary>
    public string? IdColumn { get; } = idColumn;

    public abstract int CountIn(NewsBotDatabase source);

    /// <summary>
    /// Reads the next documents after <paramref name="after"/> (by LiteDB id, at most
    /// <paramref name="limit"/>) and copies those the table keeps into <paramref name="import"/>.
    /// </summary>
    /// <returns>The documents read, the rows written, the id of the last one read (null when none was), and the highest numeric key written.</returns>
    public abstract (int Read, int Written, BsonValue? Last, long MaxId) CopyBatch(NewsBotDatabase source, BsonValue after, int limit, NpgsqlBinaryImporter import);
}

/// <inheritdoc cref="CopiedTable"/>
internal sealed class CopiedTable<TDocument>(
    string name,
    IReadOnlyList<CopiedColumn<TDocument>> columns,
    string? idColumn,
    Func<NewsBotDatabase, ILiteCollection<TDocument>> collection,
    Func<TDocument, BsonValue> idOf,
    Func<TDocument, bool>? keep = null) : CopiedTable(name, string.Join(", ", columns.Select(c => c.Name)), idColumn)
{
    public override int CountIn(NewsBotDatabase source) => collection(source).Count();

    public override (int Read, int Written, BsonValue? Last, long MaxId) CopyBatch(NewsBotDatabase source, BsonValue after, int limit, NpgsqlBinaryImporter import)
    {
        // The batch is read whole before anything is written: one short LiteDB query per batch,
        // so its cache pages are free again for the next one, and memory stays one batch deep.
        var documents = collection(source).Find(Query.GT("_id", after), 0, limit).ToList();
        var written = 0;
        var maxId = 0L;
        foreach (var document in documents)
        {
            if (keep is not null && !keep(document))
            {
                continue;
            }

            import.StartRow();
            foreach (var column in columns)
            {
                column.Write(import, document);
            }

            written++;
            var id = idOf(document);
            if (id.IsNumber)
            {
                maxId = Math.Max(maxId, id.AsInt64);
            }
        }

        return (documents.Count, written, documents.Count == 0 ? null : idOf(documents[^1]), maxId);
    }
}
