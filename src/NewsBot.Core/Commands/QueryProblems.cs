namespace NewsBot.Core.Commands;

/// <summary>Says what is wrong with a typed query and where, in the asker's language.</summary>
public static class QueryProblems
{
    public static string Describe(QueryError error, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(texts);
        var key = "query.error." + char.ToLowerInvariant(error.Kind.ToString()[0]) + error.Kind.ToString()[1..];
        return texts.Get(
            key,
            ("position", error.Position),
            ("token", error.Token),
            ("max", error.Kind == QueryErrorKind.TooDeep ? QueryParser.MaxDepth : QueryPatterns.MaxLength));
    }
}
