using LiteDB;

namespace NewsBot.Storage;

/// <summary>Predicates on document ids that LiteDB compiles once and answers from the primary key.</summary>
internal static class LiteDbIds
{
    // Parameterised: values written into the expression (Query.In) would make a new expression,
    // compiled to new code, for every call.
    private const string IdIn = "$._id IN @0";

    /// <summary>The documents whose id is one of <paramref name="ids"/>.</summary>
    public static BsonExpression In(IEnumerable<int> ids) =>
        BsonExpression.Create(IdIn, new BsonArray(ids.Distinct().Select(id => new BsonValue(id))));
}
