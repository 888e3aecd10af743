namespace NewsBot.Core.Languages;

/// <summary>
/// One text of a language file: a sentence with named placeholders (<c>{count}</c>, <c>{title}</c>),
/// or, for a text that depends on a number, one such sentence per plural category.
/// <c>{{</c> and <c>}}</c> stand for literal braces.
/// </summary>
public sealed class TextTemplate
{
    public TextTemplate(IReadOnlyDictionary<string, string> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        if (forms.Count == 0)
        {
            throw new ArgumentException("A text needs at least one form.", nameof(forms));
        }

        Forms = forms;
    }

    /// <summary>The text by plural category; a plain text has the one form <c>other</c>.</summary>
    public IReadOnlyDictionary<string, string> Forms { get; }

    public bool IsPlural => Forms.Count > 1 || !Forms.ContainsKey(PluralRules.Other);

    public static TextTemplate Plain(string text) => new(new Dictionary<string, string>(StringComparer.Ordinal) { [PluralRules.Other] = text });

    /// <summary>The form for a category: that category's, else <c>other</c>, else any.</summary>
    public string Form(string category) =>
        Forms.TryGetValue(category, out var form) || Forms.TryGetValue(PluralRules.Other, out form) ? form : Forms.Values.First();

    /// <summary>The placeholder names every form uses, e.g. <c>count</c> and <c>title</c>.</summary>
    public IReadOnlySet<string> Placeholders()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in Forms.Values)
        {
            names.UnionWith(PlaceholdersOf(form));
        }

        return names;
    }

    /// <summary>The placeholder names in one text.</summary>
    public static IEnumerable<string> PlaceholdersOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                if (i + 1 < text.Length && text[i + 1] == '{')
                {
                    i++;
                    continue;
                }

                var end = text.IndexOf('}', i + 1);
                if (end < 0)
                {
                    yield break;
                }

                yield return text[(i + 1)..end];
                i = end;
            }
        }
    }
}
