namespace NewsBot.Feeds;

/// <summary>
/// The general entities an internal DTD subset declares (<c>&lt;!ENTITY name "text"&gt;</c>), expanded
/// as plain text under a strict budget: at most <see cref="MaxExpansion"/> characters for the whole
/// document and <see cref="MaxNesting"/> levels of entities within entities. External entities
/// (SYSTEM, PUBLIC) are never loaded, and parameter entities are ignored.
/// </summary>
internal sealed class DtdEntities
{
    /// <summary>Every expansion in one document together stays below this many characters.</summary>
    public const long MaxExpansion = 1024 * 1024;

    /// <summary>An entity may refer to another at most this deep.</summary>
    public const int MaxNesting = 8;

    private static readonly Dictionary<string, string> Predefined = new(StringComparer.Ordinal)
    {
        ["amp"] = "&", ["lt"] = "<", ["gt"] = ">", ["quot"] = "\"", ["apos"] = "'",
    };

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _external = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lengths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _expanded = new(StringComparer.Ordinal);
    private long _used;

    public bool IsEmpty => _values.Count == 0 && _external.Count == 0;

    /// <summary>The names of declared external entities whose references were left out.</summary>
    public SortedSet<string> ExternalReferenced { get; } = new(StringComparer.Ordinal);

    public static DtdEntities Parse(ReadOnlySpan<char> subset)
    {
        var entities = new DtdEntities();
        var i = 0;
        while (i < subset.Length)
        {
            var rest = subset[i..];
            if (rest.StartsWith("<!--"))
            {
                var end = rest.IndexOf("-->");
                i = end < 0 ? subset.Length : i + end + 3;
            }
            else if (rest.StartsWith("<!ENTITY"))
            {
                i += entities.ReadDeclaration(rest) is var length && length > 0 ? length : "<!ENTITY".Length;
            }
            else if (rest[0] is '"' or '\'')
            {
                var close = rest[1..].IndexOf(rest[0]);
                i = close < 0 ? subset.Length : i + close + 2;
            }
            else
            {
                i++;
            }
        }

        return entities;
    }

    public bool IsDeclared(string name) => _values.ContainsKey(name) || _external.Contains(name);

    /// <summary>
    /// The text a reference to <paramref name="name"/> stands for ("" for an external entity), or
    /// null with <paramref name="refusal"/> when the budget is spent.
    /// </summary>
    public string? Expand(string name, out string? refusal)
    {
        refusal = null;
        if (_external.Contains(name))
        {
            ExternalReferenced.Add(name);
            return "";
        }

        long length;
        try
        {
            length = Length(name, 0);
        }
        catch (NestingException)
        {
            refusal = StoredText.Of("feedError.entitiesNested", ("max", MaxNesting));
            return null;
        }

        _used += length;
        if (_used > MaxExpansion)
        {
            refusal = StoredText.Of("feedError.entitiesTooLarge");
            return null;
        }

        return Value(name, 0);
    }

    private int ReadDeclaration(ReadOnlySpan<char> text)
    {
        var i = "<!ENTITY".Length;
        SkipSpace(text, ref i);
        var parameter = i < text.Length && text[i] == '%';
        if (parameter)
        {
            i++;
            SkipSpace(text, ref i);
        }

        var nameStart = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('"' or '\'' or '>'))
        {
            i++;
        }

        var name = text[nameStart..i].ToString();
        SkipSpace(text, ref i);
        string? value = null;
        var external = false;
        if (i < text.Length && text[i] is '"' or '\'')
        {
            var close = text[(i + 1)..].IndexOf(text[i]);
            if (close < 0)
            {
                return text.Length;
            }

            value = text.Slice(i + 1, close).ToString();
            i += close + 2;
        }
        else
        {
            external = text[i..].StartsWith("SYSTEM") || text[i..].StartsWith("PUBLIC");
        }

        // Skip to the declaration's end, stepping over quoted literals (a system id may hold '>').
        while (i < text.Length && text[i] != '>')
        {
            if (text[i] is '"' or '\'')
            {
                var close = text[(i + 1)..].IndexOf(text[i]);
                i = close < 0 ? text.Length : i + close + 2;
                continue;
            }

            i++;
        }

        // The first declaration of a name is the one that counts.
        if (!parameter && name.Length > 0 && !IsDeclared(name))
        {
            if (value is not null)
            {
                _values[name] = value;
            }
            else if (external)
            {
                _external.Add(name);
            }
        }

        return Math.Min(text.Length, i + 1);
    }

    private static void SkipSpace(ReadOnlySpan<char> text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }

    private long Length(string name, int depth)
    {
        if (depth > MaxNesting)
        {
            throw new NestingException();
        }

        if (_lengths.TryGetValue(name, out var known))
        {
            return known;
        }

        var total = 0L;
        Walk(_values[name], (literal, reference) =>
        {
            total += reference is null ? literal.Length
                : _values.ContainsKey(reference) ? Length(reference, depth + 1)
                : _external.Contains(reference) ? 0
                : literal.Length;

            // Saturate: past the budget the exact figure no longer matters.
            total = Math.Min(total, MaxExpansion + 1);
        });
        _lengths[name] = total;
        return total;
    }

    private string Value(string name, int depth)
    {
        if (_expanded.TryGetValue(name, out var known))
        {
            return known;
        }

        var text = new StringBuilder();
        Walk(_values[name], (literal, reference) =>
        {
            if (reference is not null && _values.ContainsKey(reference) && depth < MaxNesting)
            {
                text.Append(Value(reference, depth + 1));
            }
            else if (reference is null || !_external.Contains(reference))
            {
                text.Append(literal);
            }
            else
            {
                ExternalReferenced.Add(reference);
            }
        });
        var value = text.ToString();
        _expanded[name] = value;
        return value;
    }

    /// <summary>
    /// Splits an entity's literal value into text (character and predefined references decoded, HTML
    /// entities too) and references to other entities, which the callback receives by name.
    /// </summary>
    private void Walk(string value, Action<string, string?> part)
    {
        var i = 0;
        var text = new StringBuilder();
        while (i < value.Length)
        {
            var c = value[i];
            if (c != '&')
            {
                text.Append(c);
                i++;
                continue;
            }

            var semicolon = value.IndexOf(';', i + 1);
            var name = semicolon < 0 || semicolon - i - 1 > HtmlEntities.MaxNameLength ? null : value[(i + 1)..semicolon];
            if (name is null || name.Length == 0)
            {
                text.Append('&');
                i++;
                continue;
            }

            if (name[0] == '#')
            {
                text.Append(HtmlEntities.Numeric(name.AsSpan(1)) ?? "");
            }
            else if (IsDeclared(name))
            {
                if (text.Length > 0)
                {
                    part(text.ToString(), null);
                    text.Clear();
                }

                part("&" + name + ";", name);
            }
            else if (Predefined.TryGetValue(name, out var predefined))
            {
                text.Append(predefined);
            }
            else if (HtmlEntities.Named(name) is { } html)
            {
                text.Append(html);
            }
            else
            {
                text.Append('&').Append(name).Append(';');
            }

            i = semicolon + 1;
        }

        if (text.Length > 0)
        {
            part(text.ToString(), null);
        }
    }

    private sealed class NestingException : Exception;
}
