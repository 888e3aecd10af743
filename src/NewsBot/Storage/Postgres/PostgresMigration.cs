namespace NewsBot.Storage.Postgres;

/// <summary>One step of the schema: applied once, in its own transaction, and recorded in <c>schema_version</c>.</summary>
/// <param name="Version">Its number; the steps of a binary are numbered 1, 2, 3… and never change once released.</param>
/// <param name="Description">What it does, stored beside its number.</param>
/// <param name="Sql">The statements, run as one command.</param>
internal sealed record PostgresMigration(int Version, string Description, string Sql);
