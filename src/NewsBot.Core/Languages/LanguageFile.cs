using System.Text.Json;

namespace NewsBot.Core.Languages;

/// <summary>
/// Reads one language file: a JSON object (comments allowed, for notes to translators) with a
/// <c>language</c> part that says which language it is and how it counts, and a <c>texts</c> part
/// that maps each key to a text, or to one text per plural category.
/// </summary>
/// <example>
/// <code>
/// {
///   "language": { "code": "ru", "name": "Русский", "englishName": "Russian", "culture": "ru-RU",
///                 "telegram": "ru", "discord": ["ru"],
///                 "plural": { "one": "v = 0 and i % 10 = 1 and i % 100 != 11", "few": "…", "many": "…" } },
///   "texts": { "bookmarks.empty": "…", "count.articles": { "one": "{count} статья", "few": "…", "many": "…", "other": "…" } }
/// }
/// </code>
/// </example>
public static class LanguageFile
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The language in the file; throws <see cref="FormatException"/> saying what is wrong and where.</summary>
    public static Language Read(Stream json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            var root = document.RootElement;
            var head = Property(root, "language", fileName);
            var code = Text(head, "code", fileName);
            var plural = head.TryGetProperty("plural", out var rules) && rules.ValueKind == JsonValueKind.Object
                ? rules.EnumerateObject().Select(r => KeyValuePair.Create(r.Name, r.Value.GetString() ?? string.Empty))
                : [];
            var discord = head.TryGetProperty("discord", out var locales) && locales.ValueKind == JsonValueKind.Array
                ? locales.EnumerateArray().Select(l => l.GetString() ?? string.Empty).Where(l => l.Length > 0).ToList()
                : [];
            var texts = new Dictionary<string, TextTemplate>(StringComparer.Ordinal);
            foreach (var entry in Property(root, "texts", fileName).EnumerateObject())
            {
                texts[entry.Name] = entry.Value.ValueKind switch
                {
                    JsonValueKind.String => TextTemplate.Plain(entry.Value.GetString()!),
                    JsonValueKind.Object => new TextTemplate(entry.Value.EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetString() ?? string.Empty, StringComparer.Ordinal)),
                    _ => throw new FormatException($"{fileName}: the text '{entry.Name}' must be a string or an object of plural forms."),
                };
            }

            return new Language(
                code,
                Text(head, "name", fileName),
                Text(head, "englishName", fileName),
                CultureInfo.GetCultureInfo(Text(head, "culture", fileName)),
                PluralRules.Parse(plural),
                head.TryGetProperty("telegram", out var telegram) ? telegram.GetString() ?? code : code,
                discord,
                texts);
        }
        catch (Exception ex) when (ex is JsonException or CultureNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{fileName}: {ex.Message}", ex);
        }
        catch (FormatException ex) when (!ex.Message.StartsWith(fileName, StringComparison.Ordinal))
        {
            throw new FormatException($"{fileName}: {ex.Message}", ex);
        }
    }

    private static JsonElement Property(JsonElement parent, string name, string fileName) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new FormatException($"{fileName}: the object '{name}' is missing.");

    private static string Text(JsonElement parent, string name, string fileName) =>
        parent.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"{fileName}: language.{name} is missing.");
}
