namespace NewsBot.Core.Search;

/// <summary>A mistake in a typed query: what, where (1-based, in characters) and the text at fault.</summary>
public sealed record QueryError(QueryErrorKind Kind, int Position, string Token);
