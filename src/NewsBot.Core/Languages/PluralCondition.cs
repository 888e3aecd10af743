namespace NewsBot.Core.Languages;

/// <summary>
/// One CLDR plural rule, such as <c>v = 0 and i % 10 = 2..4 and i % 100 != 12..14</c>: relations
/// joined by <c>and</c> (binding closer) and <c>or</c>; a relation compares an operand, optionally
/// taken modulo a number, with a list of values and ranges. Sample lists after <c>@</c> are ignored.
/// </summary>
internal sealed class PluralCondition
{
    private readonly List<List<Relation>> _alternatives;

    private PluralCondition(List<List<Relation>> alternatives) => _alternatives = alternatives;

    public bool Matches(PluralOperands operands) =>
        _alternatives.Any(all => all.All(relation => relation.Holds(operands)));

    public static PluralCondition Parse(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var at = rule.IndexOf('@', StringComparison.Ordinal);
        var text = (at < 0 ? rule : rule[..at]).Trim();
        if (text.Length == 0)
        {
            throw new FormatException("An empty plural rule: leave the category out instead.");
        }

        var alternatives = new List<List<Relation>>();
        foreach (var alternative in Split(text, "or"))
        {
            alternatives.Add(Split(alternative, "and").Select(r => Relation.Parse(r, rule)).ToList());
        }

        return new PluralCondition(alternatives);
    }

    private static string[] Split(string text, string word) =>
        text.Split($" {word} ", StringSplitOptions.TrimEntries);

    private sealed record Relation(char Operand, decimal? Modulus, bool Negated, IReadOnlyList<(decimal From, decimal To)> Ranges)
    {
        public bool Holds(PluralOperands operands)
        {
            var value = operands.Get(Operand);
            if (Modulus is { } modulus)
            {
                value %= modulus;
            }

            // A range holds whole numbers only: 2.5 is not in 2..4.
            var inList = Ranges.Any(r => r.From == r.To ? value == r.From : value == decimal.Truncate(value) && value >= r.From && value <= r.To);
            return inList != Negated;
        }

        public static Relation Parse(string text, string rule)
        {
            var negated = text.Contains("!=", StringComparison.Ordinal);
            var parts = text.Split(negated ? "!=" : "=", 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new FormatException($"'{text}' in the plural rule '{rule}' is not of the form operand = values.");
            }

            var left = parts[0].Replace("mod", "%", StringComparison.Ordinal).Split('%', StringSplitOptions.TrimEntries);
            if (left[0].Length != 1 || "niwvftce".IndexOf(left[0][0], StringComparison.Ordinal) < 0)
            {
                throw new FormatException($"'{left[0]}' in the plural rule '{rule}' is not a CLDR operand (n, i, v, w, f, t, c, e).");
            }

            decimal? modulus = left.Length == 2 ? Number(left[1], rule) : null;
            var ranges = new List<(decimal, decimal)>();
            foreach (var item in parts[1].Split(',', StringSplitOptions.TrimEntries))
            {
                var bounds = item.Split("..", StringSplitOptions.TrimEntries);
                ranges.Add(bounds.Length == 2 ? (Number(bounds[0], rule), Number(bounds[1], rule)) : (Number(item, rule), Number(item, rule)));
            }

            return new Relation(left[0][0], modulus, negated, ranges);
        }

        private static decimal Number(string text, string rule) =>
            decimal.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException($"'{text}' in the plural rule '{rule}' is not a number.");
    }
}
