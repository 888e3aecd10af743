namespace NewsBot.Core.Languages;

/// <summary>One language NewsBot speaks, read from its file in Resources/.</summary>
/// <param name="Code">What people type after /language and what is stored: <c>en</c>, <c>pt-BR</c>, <c>zh-Hans</c>.</param>
/// <param name="Name">The language's name in its own script: <c>Deutsch</c>, <c>Русский</c>.</param>
/// <param name="EnglishName">Its name in English, which /language also accepts.</param>
/// <param name="Culture">How numbers, dates and month names are written.</param>
/// <param name="Plurals">The CLDR plural rules.</param>
/// <param name="TelegramCode">Telegram's <c>language_code</c> for its command menu (two letters).</param>
/// <param name="DiscordLocales">The Discord locales it stands for (<c>es-ES</c>, <c>es-419</c>).</param>
/// <param name="Texts">Every text, by key.</param>
public sealed record Language(
    string Code,
    string Name,
    string EnglishName,
    CultureInfo Culture,
    PluralRules Plurals,
    string TelegramCode,
    IReadOnlyList<string> DiscordLocales,
    IReadOnlyDictionary<string, TextTemplate> Texts)
{
    public override string ToString() => Code;
}
