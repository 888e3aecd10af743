namespace NewsBot.Core.Search;

/// <summary>Carries a <see cref="QueryError"/> out of the parser's recursion; never leaves <see cref="SearchQuery.TryParse"/>.</summary>
internal sealed class QueryException(QueryError error) : Exception(error.Kind.ToString())
{
    public QueryError Error { get; } = error;
}
