namespace NewsBot.Core.Languages;

/// <summary>
/// Every language NewsBot speaks: one file each in Resources/, built into the assembly. English
/// is the reference and the fallback: a text a language lacks is taken from English. Immutable
/// once loaded, so one instance serves every thread.
/// </summary>
public sealed class LanguageCatalog
{
    public const string EnglishCode = "en";

    private const string ResourcePrefix = "NewsBot.Resources.";

    private static readonly Lazy<LanguageCatalog> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, Texts> _texts;

    public LanguageCatalog(IEnumerable<Language> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var all = languages.ToList();
        English = all.FirstOrDefault(l => l.Code == EnglishCode) ?? throw new ArgumentException("English is the fallback and must be there.", nameof(languages));
        All = [English, .. all.Where(l => l != English).OrderBy(l => l.Code, StringComparer.Ordinal)];
        _texts = All.ToDictionary(l => l.Code, l => new Texts(l, English), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The languages built into NewsBot.</summary>
    public static LanguageCatalog Default => Embedded.Value;

    /// <summary>English first, then by code.</summary>
    public IReadOnlyList<Language> All { get; }

    public Language English { get; }

    /// <summary>The texts of a language by its code; English for null or an unknown code.</summary>
    public Texts For(string? code) =>
        code is not null && _texts.TryGetValue(code, out var texts) ? texts : _texts[EnglishCode];

    /// <summary>The texts for a platform's language tag (see <see cref="Match"/>); English when NewsBot does not speak it.</summary>
    public Texts ForTag(string? tag) => For(Match(tag) ?? English);

    public Texts For(Language language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return For(language.Code);
    }

    /// <summary>
    /// The language a person means by what they typed after /language: a code (<c>pt-BR</c>,
    /// <c>pt</c>, <c>zh</c>), a platform tag (<c>pt-br</c>, <c>zh-CN</c>), or a name in English or
    /// in the language itself (<c>German</c>, <c>Deutsch</c>). Null when none fits.
    /// </summary>
    public Language? Find(string? typed)
    {
        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 40)
        {
            return null;
        }

        return All.FirstOrDefault(l => string.Equals(l.Name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(l.EnglishName, text, StringComparison.OrdinalIgnoreCase))
            ?? Match(text);
    }

    /// <summary>
    /// The language for a platform's language tag (Telegram's <c>language_code</c> such as
    /// <c>ru</c> or <c>pt-br</c>, Discord's <c>locale</c> such as <c>es-419</c>): the exact code,
    /// a Discord locale the language lists, else the first language with the same primary tag.
    /// Null when NewsBot does not speak it.
    /// </summary>
    public Language? Match(string? tag)
    {
        var text = tag?.Trim().Replace('_', '-');
        if (string.IsNullOrEmpty(text) || text.Length > 40)
        {
            return null;
        }

        var exact = All.FirstOrDefault(l => string.Equals(l.Code, text, StringComparison.OrdinalIgnoreCase)
            || l.DiscordLocales.Contains(text, StringComparer.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var primary = text.Split('-', 2)[0];
        return All.FirstOrDefault(l => string.Equals(l.Code.Split('-', 2)[0], primary, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The topic key a shown topic name stands for, in any language (<c>Technik</c> → <c>technology</c>);
    /// null when no language names a topic so.
    /// </summary>
    public string? TopicKeyFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var wanted = name.Trim();
        foreach (var language in All)
        {
            foreach (var (key, template) in language.Texts)
            {
                if (key.StartsWith(Texts.TopicPrefix, StringComparison.Ordinal) && string.Equals(template.Form(PluralRules.Other), wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return key[Texts.TopicPrefix.Length..];
                }
            }
        }

        return null;
    }

    /// <summary>Reads the language files built into the assembly.</summary>
    public static LanguageCatalog LoadEmbedded()
    {
        var assembly = typeof(LanguageCatalog).Assembly;
        var languages = new List<Language>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            languages.Add(LanguageFile.Read(stream, name[ResourcePrefix.Length..]));
        }

        return new LanguageCatalog(languages);
    }
}
