namespace NewsBot.Core.Languages;

/// <summary>
/// The words of one language, ready to use: texts by key with their placeholders filled in,
/// counts in the language's plural forms, and numbers, dates, times and ages written the
/// language's way. A key the language lacks comes from English; a key English lacks shows as
/// itself (the language tests catch both before they ship).
/// </summary>
public sealed class Texts
{
    public const string TopicPrefix = "topicName.";

    private readonly Language _english;

    internal Texts(Language language, Language english)
    {
        Language = language;
        _english = english;
    }

    public Language Language { get; }

    public string Code => Language.Code;

    public CultureInfo Culture => Language.Culture;

    /// <summary>The text of <paramref name="key"/> with its placeholders filled from <paramref name="args"/>.</summary>
    public string Get(string key, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        var (template, _) = Find(key);
        return template is null ? key : Fill(template.Form(PluralRules.Other), args);
    }

    /// <summary>
    /// The plural form of <paramref name="key"/> that fits <paramref name="count"/> (Russian: 1
    /// статья, 2 статьи, 5 статей), with <c>{count}</c> written as a number of this language.
    /// </summary>
    public string Count(string key, long count, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        var (template, language) = Find(key);
        if (template is null)
        {
            return key;
        }

        var text = template.Form(language.Plurals.Select(count));
        Span<(string, object?)> all = new (string, object?)[args.Length + 1];
        all[0] = ("count", Number(count));
        args.CopyTo(all[1..]);
        return Fill(text, all);
    }

    /// <summary>Whether this language or English has the key.</summary>
    public bool Has(string key) => Find(key).Template is not null;

    /// <summary>A count as this language writes it: 1,204 · 1.204 · 1 204.</summary>
    public string Number(long value) => value.ToString("N0", Culture);

    /// <summary>A time of day on the 24-hour clock, as this language writes it.</summary>
    public string Clock(TimeOnly time) => time.ToString(Get("format.time"), Culture);

    /// <summary>A moment's time of day, in the zone it is given in.</summary>
    public string Clock(DateTimeOffset moment) => moment.ToString(Get("format.time"), Culture);

    /// <summary>Day and month, such as 23 Nov or 23. Nov.</summary>
    public string DayMonth(DateTimeOffset moment) => moment.ToString(Get("format.dayMonth"), Culture);

    public string DayMonth(DateOnly date) => date.ToString(Get("format.dayMonth"), Culture);

    /// <summary>Day, month and year, such as 23 Nov 2026.</summary>
    public string Date(DateTimeOffset moment) => moment.ToString(Get("format.date"), Culture);

    /// <summary>Day, month, year and time, such as 23 Nov 2026 17:00.</summary>
    public string DateTime(DateTimeOffset moment) => moment.ToString(Get("format.dateTime"), Culture);

    /// <summary>A publication time on an article card, in UTC, such as 2026-11-23 17:00 UTC.</summary>
    public string Stamp(DateTimeOffset moment) => Get("format.stamp", ("time", moment.UtcDateTime.ToString(Get("format.stampPattern"), Culture)));

    /// <summary>How long ago: "5 min ago", "3 h ago", "yesterday", "2 days ago", a date after 30 days.</summary>
    public string Ago(DateTimeOffset moment, DateTimeOffset now)
    {
        var age = now - moment;
        if (age < TimeSpan.Zero)
        {
            return age > TimeSpan.FromMinutes(-5) ? Get("time.justNow") : Get("time.future");
        }

        return age switch
        {
            { TotalMinutes: < 1 } => Get("time.justNow"),
            { TotalHours: < 1 } => Count("time.minutesAgo", (long)age.TotalMinutes),
            { TotalDays: < 1 } => Count("time.hoursAgo", (long)age.TotalHours),
            { TotalDays: < 2 } => Get("time.yesterday"),
            { TotalDays: < 30 } => Count("time.daysAgo", (long)age.TotalDays),
            _ => Date(moment.ToUniversalTime()),
        };
    }

    /// <summary>How soon: "in 5 min", "in 3 h", "in 2 days", or "now" for a moment already past.</summary>
    public string Until(DateTimeOffset moment, DateTimeOffset now)
    {
        var wait = moment - now;
        return wait switch
        {
            { TotalMinutes: < 1 } => Get("time.now"),
            { TotalHours: < 1 } => Count("time.inMinutes", (long)Math.Ceiling(wait.TotalMinutes)),
            { TotalDays: < 1 } => Count("time.inHours", (long)wait.TotalHours),
            _ => Count("time.inDays", (long)wait.TotalDays),
        };
    }

    /// <summary>A topic's name for people (<c>technology</c> → <c>Technik</c>); the key itself for a topic no language names.</summary>
    public string Topic(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (template, _) = Find(TopicPrefix + key);
        return template?.Form(PluralRules.Other) ?? key;
    }

    /// <summary>Items joined the way this language lists them (a comma, or 、 in Chinese).</summary>
    public string List(IEnumerable<string> items) => string.Join(Get("format.listSeparator"), items.Select(Bidi.Isolate));

    private (TextTemplate? Template, Language Language) Find(string key) =>
        Language.Texts.TryGetValue(key, out var own) ? (own, Language)
        : _english.Texts.TryGetValue(key, out var english) ? (english, _english)
        : (null, Language);

    private string Fill(string text, ReadOnlySpan<(string Name, object? Value)> args)
    {
        if (text.AsSpan().IndexOfAny('{', '}') < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 32);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                result.Append(c);
                i++;
                continue;
            }

            var end = c == '{' ? text.IndexOf('}', i + 1) : -1;
            if (end < 0)
            {
                result.Append(c);
                continue;
            }

            var name = text.AsSpan(i + 1, end - i - 1);
            var found = false;
            foreach (var (argName, value) in args)
            {
                if (name.SequenceEqual(argName))
                {
                    result.Append(Format(value));
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                // A placeholder nobody filled stays visible rather than vanishing from the sentence.
                result.Append(text, i, end - i + 1);
            }

            i = end;
        }

        return result.ToString();
    }

    private string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => Bidi.Isolate(text),
        IFormattable formattable => formattable.ToString(null, Culture),
        _ => value.ToString() ?? string.Empty,
    };
}
