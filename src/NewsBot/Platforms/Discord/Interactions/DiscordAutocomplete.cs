using NewsBot.Core.Search;

namespace NewsBot.Platforms.Discord.Interactions;

/// <summary>
/// Suggestions while a slash command is typed: topics from the article index (with their
/// counts), and for article ids the person's bookmarks, then (except for /unbookmark) the newest
/// articles. At most 25, as Discord allows.
/// </summary>
internal sealed class DiscordAutocomplete(ArticleIndex index, IArticleStore articles, IBookmarkStore bookmarks)
{
    public const int MaxChoices = 25;
    private const int MaxChoiceName = 100;

    public async Task<IReadOnlyList<DiscordChoice>> SuggestAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Focused is not { } focused || CommandCatalog.Find(interaction.CommandName ?? string.Empty) is not { } command)
        {
            return [];
        }

        var argument = command.Arguments.FirstOrDefault(a => string.Equals(a.Name, focused.Name, StringComparison.OrdinalIgnoreCase));
        var typed = focused.Value.Trim();
        return argument?.Kind switch
        {
            ArgumentKind.Topic => Topics(typed, LanguageCatalog.Default.ForTag(interaction.Locale)),
            ArgumentKind.ArticleId => await ArticlesAsync(typed, DiscordChats.User(interaction.UserId).Key, includeLatest: command != CommandCatalog.Unbookmark, cancellationToken).ConfigureAwait(false),
            _ => [],
        };
    }

    /// <summary>Topics named in the person's language; the value sent back is the topic's key.</summary>
    private List<DiscordChoice> Topics(string typed, Texts texts) =>
        index.Topics()
            .Select(c => (c.Topic, c.Count, Shown: texts.Topic(c.Topic)))
            .Where(c => typed.Length == 0 || c.Topic.Contains(typed, StringComparison.OrdinalIgnoreCase) || c.Shown.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Topic.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || c.Shown.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenByDescending(c => c.Count)
            .Take(MaxChoices)
            .Select(c => new DiscordChoice(Name($"{c.Shown} ({texts.Number(c.Count)})"), c.Topic))
            .ToList();

    private async Task<List<DiscordChoice>> ArticlesAsync(string typed, string userKey, bool includeLatest, CancellationToken cancellationToken)
    {
        var found = new List<(int Id, string Title)>();
        found.AddRange((await bookmarks.ListAsync(userKey, 0, 200, cancellationToken).ConfigureAwait(false)).Select(b => (b.ArticleId, b.Title)));
        if (includeLatest)
        {
            var latest = index.Latest(0, MaxChoices * 2).Ids;
            found.AddRange((await articles.GetManyAsync(latest, cancellationToken).ConfigureAwait(false)).Select(a => (a.Id, a.Title)));
        }

        return found
            .Where(f => Matches(f.Id, f.Title, typed))
            .DistinctBy(f => f.Id)
            .Take(MaxChoices)
            .Select(f => new DiscordChoice(Name($"#{f.Id.ToString(CultureInfo.InvariantCulture)} {f.Title}"), (long)f.Id))
            .ToList();
    }

    private static bool Matches(int id, string title, string typed) =>
        typed.Length == 0
        || id.ToString(CultureInfo.InvariantCulture).StartsWith(typed.TrimStart('#'), StringComparison.Ordinal)
        || title.Contains(typed, StringComparison.OrdinalIgnoreCase);

    private static string Name(string text)
    {
        var name = DiscordMarkdown.Truncate(text.ReplaceLineEndings(" "), MaxChoiceName);
        return name.Length == 0 ? "?" : name;
    }
}
