namespace NewsBot.Core.Languages;

/// <summary>
/// A language's plural categories, written as CLDR writes them (the <c>plurals.xml</c> rules, e.g.
/// Russian <c>one: v = 0 and i % 10 = 1 and i % 100 != 11</c>) and read here. A count falls into
/// the first category whose rule it meets, else <c>other</c>, as in CLDR.
/// </summary>
public sealed class PluralRules
{
    public const string Other = "other";

    private readonly List<(string Category, PluralCondition Condition)> _rules;

    private PluralRules(List<(string Category, PluralCondition Condition)> rules) => _rules = rules;

    /// <summary>The categories this language uses, <c>other</c> last.</summary>
    public IReadOnlyList<string> Categories => [.. _rules.Select(r => r.Category), Other];

    /// <summary>Reads the rules of each category but <c>other</c>; throws <see cref="FormatException"/> naming the bad rule.</summary>
    public static PluralRules Parse(IEnumerable<KeyValuePair<string, string>> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var parsed = new List<(string, PluralCondition)>();
        foreach (var (category, rule) in rules)
        {
            if (!PluralCategories.IsKnown(category) || category == Other)
            {
                throw new FormatException($"'{category}' is not a CLDR plural category with a rule (zero, one, two, few, many).");
            }

            parsed.Add((category, PluralCondition.Parse(rule)));
        }

        return new PluralRules(parsed);
    }

    /// <summary>The category of a whole number.</summary>
    public string Select(long count) => Select(PluralOperands.Of(count));

    /// <summary>The category of a number as it is shown, with its visible decimals.</summary>
    public string Select(decimal number) => Select(PluralOperands.Of(number));

    private string Select(PluralOperands operands)
    {
        foreach (var (category, condition) in _rules)
        {
            if (condition.Matches(operands))
            {
                return category;
            }
        }

        return Other;
    }
}
