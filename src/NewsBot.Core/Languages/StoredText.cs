using System.Text.Json;

namespace NewsBot.Core.Languages;

/// <summary>
/// A sentence kept in the database to be read later in whatever language the reader has: why a
/// chat became unreachable, a feed's last error, why a push was dropped. It is stored as a key of
/// the resources and its arguments (<c>{"text":"reason.removedBy","who":"Ada"}</c>). Sentences
/// stored as English by earlier versions, and those that arrive in English from a platform or a
/// feed fetch, are recognised by <see cref="EnglishReasons"/>; what is not recognised (a server's
/// or the system's own words) is kept and shown as it is.
/// </summary>
public static class StoredText
{
    private const string KeyProperty = "text";
    private const string Start = "{\"" + KeyProperty + "\":";

    /// <summary>The argument that is a stored sentence itself ("the chat is inactive: …").</summary>
    private const string NestedReason = "reason";

    /// <summary>The argument that picks the plural form of the text, as <see cref="Texts.Count"/> does.</summary>
    private const string CountArgument = "count";

    /// <summary>
    /// The stored form of the text <paramref name="key"/> with <paramref name="args"/>. Numbers are
    /// kept as invariant digits and written the reader's way when read; a <c>count</c> argument
    /// picks the text's plural form.
    /// </summary>
    public static string Of(string key, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(KeyProperty, key);
            foreach (var (name, value) in args)
            {
                json.WriteString(name, value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? string.Empty);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The form to store for a sentence that arrives in English: a key when it is one NewsBot knows, else the sentence itself.</summary>
    public static string FromEnglish(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (IsKeyed(sentence) || EnglishReasons.Recognise(sentence) is not { } known)
        {
            return sentence;
        }

        return Of(known.Key, known.Args.Select(a => (a.Name, (object?)(a.Name == NestedReason ? FromEnglish(a.Value) : a.Value))).ToArray());
    }

    /// <summary>The stored sentence as the log, the status page and the operators' command-line tools show it: in English.</summary>
    public static string InEnglish(string stored) => Render(stored, LanguageCatalog.Default.For(LanguageCatalog.EnglishCode));

    /// <summary>The stored sentence in <paramref name="texts"/>' language; unknown text as it was stored.</summary>
    public static string Render(string stored, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(texts);
        var (key, args) = IsKeyed(stored) && Read(stored) is { } read ? read : EnglishReasons.Recognise(stored) ?? (null!, []);
        if (key is null || !texts.Has(key))
        {
            return stored;
        }

        var filled = args.Select(a => (a.Name, (object?)(a.Name == NestedReason ? Render(a.Value, texts) : a.Value))).ToArray();
        var count = args.FirstOrDefault(a => a.Name == CountArgument).Value;
        return long.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? texts.Count(key, n, filled.Where(a => a.Name != CountArgument).ToArray())
            : texts.Get(key, filled);
    }

    private static bool IsKeyed(string stored) => stored.StartsWith(Start, StringComparison.Ordinal);

    private static (string Key, (string Name, string Value)[] Args)? Read(string stored)
    {
        try
        {
            using var document = JsonDocument.Parse(stored);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(KeyProperty, out var key) || key.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var args = root.EnumerateObject()
                .Where(p => p.Name != KeyProperty && p.Value.ValueKind == JsonValueKind.String)
                .Select(p => (p.Name, p.Value.GetString()!))
                .ToArray();
            return (key.GetString()!, args);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
