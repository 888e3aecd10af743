namespace NewsBot.Benchmarks;

/// <summary>Reads one <c>--name N</c> or <c>--name=N</c> option of a scenario's command line.</summary>
internal static class NumericOption
{
    /// <summary>
    /// Reads the option at <paramref name="i"/> (moving past its value); false with a message
    /// saying what to type when it is not an option with a whole number.
    /// </summary>
    public static bool TryRead(IReadOnlyList<string> args, ref int i, string example, out string name, out int value, out string? error)
    {
        var arg = args[i];
        name = arg;
        value = 0;
        error = null;
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            error = $"Unexpected argument '{arg}'. Options start with --; see --help.";
            return false;
        }

        string? text = null;
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            name = arg[..equals];
            text = arg[(equals + 1)..];
        }
        else if (i + 1 < args.Count)
        {
            text = args[++i];
        }

        if (text is null)
        {
            error = $"{name} needs a number, like {name} {example}.";
            return false;
        }

        if (!int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            error = $"{name} must be a whole number, not '{text}'.";
            return false;
        }

        return true;
    }
}
