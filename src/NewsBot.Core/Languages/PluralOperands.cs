namespace NewsBot.Core.Languages;

/// <summary>
/// The operands CLDR plural rules read from a number: <c>n</c> its absolute value, <c>i</c> the
/// integer digits, <c>v</c>/<c>w</c> the count of visible fraction digits with and without
/// trailing zeros, <c>f</c>/<c>t</c> those digits as a number with and without trailing zeros,
/// <c>e</c>/<c>c</c> the compact exponent (always 0 here: NewsBot writes numbers in full).
/// </summary>
internal readonly record struct PluralOperands(decimal N, decimal I, int V, int W, decimal F, decimal T)
{
    public static PluralOperands Of(long count)
    {
        var n = Math.Abs((decimal)count);
        return new PluralOperands(n, n, 0, 0, 0, 0);
    }

    public static PluralOperands Of(decimal number)
    {
        var text = Math.Abs(number).ToString(CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return Of((long)Math.Abs(number));
        }

        var integer = decimal.Parse(text[..dot], CultureInfo.InvariantCulture);
        var fraction = text[(dot + 1)..];
        var trimmed = fraction.TrimEnd('0');
        return new PluralOperands(
            Math.Abs(number),
            integer,
            fraction.Length,
            trimmed.Length,
            decimal.Parse(fraction, CultureInfo.InvariantCulture),
            trimmed.Length == 0 ? 0 : decimal.Parse(trimmed, CultureInfo.InvariantCulture));
    }

    public decimal Get(char operand) => operand switch
    {
        'n' => N,
        'i' => I,
        'v' => V,
        'w' => W,
        'f' => F,
        't' => T,
        _ => 0, // e and c: no compact notation
    };
}
