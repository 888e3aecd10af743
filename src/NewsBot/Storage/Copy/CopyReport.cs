namespace NewsBot.Storage.Copy;

/// <summary>What a copy did: the rows of each table, as found in LiteDB, written, and counted again in PostgreSQL before the commit.</summary>
internal sealed record CopyReport(string Source, string Target, IReadOnlyList<CopiedCount> Tables, int LastArticleId)
{
    public long Copied => Tables.Sum(t => t.Copied);

    public bool Verified => Tables.All(t => t.Copied == t.ReadBack);
}

/// <param name="InLiteDb">Documents in the collection.</param>
/// <param name="Copied">Rows written (the state values only LiteDB uses are left out).</param>
/// <param name="ReadBack">Rows counted in the table after the copy.</param>
internal sealed record CopiedCount(string Table, int InLiteDb, long Copied, long ReadBack);
