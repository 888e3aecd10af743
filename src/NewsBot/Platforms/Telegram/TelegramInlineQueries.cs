using NewsBot.Core.Commands.Handlers;
using NewsBot.Core.Search;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.InlineQueryResults;

namespace NewsBot.Platforms.Telegram;

/// <summary>
/// Inline mode: typing <c>@bot solar</c> in any chat offers the best matching articles (the
/// newest ones for an empty query); picking one posts its title, source and link there.
/// </summary>
internal sealed class TelegramInlineQueries(ITelegramBotClient bot, ArticleIndex index, IArticleStore articles, ISourceStore sources, TimeProvider time)
{
    public const int MaxResults = 10;
    private const int MaxTitleLength = 200;
    private const int MaxDescriptionLength = 200;
    private const int CacheSeconds = 60;

    public async Task AnswerAsync(InlineQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var found = await articles.GetManyAsync(await FindAsync(CommandParser.Clean(query.Query), now, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var texts = LanguageCatalog.Default.ForTag(query.From.LanguageCode);
        var results = found.Select(a => Result(a, now, texts)).ToList();
        await bot.AnswerInlineQuery(query.Id, results, CacheSeconds, isPersonal: true, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<int>> FindAsync(string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return index.Latest(0, MaxResults).Ids;
        }

        if (text.Length > SearchQuery.MaxLength)
        {
            return [];
        }

        var query = SearchQuery.Parse(text);
        if (query.IsEmpty || query.TermCount > SearchQuery.MaxTerms)
        {
            return [];
        }

        var sourceNames = query.UsesSources ? await SearchHandler.SourceNamesAsync(sources, cancellationToken).ConfigureAwait(false) : null;
        return index.Search(query, 0, MaxResults, now, sourceNames).Ids;
    }

    private static InlineQueryResultArticle Result(Article article, DateTimeOffset now, Texts texts)
    {
        var view = ArticleViews.From(article);
        var text = TelegramRenderer.InlineArticle(view, now, texts);
        var description = $"{Bidi.Isolate(article.SourceName)} · {texts.Ago(article.PublishedAt, now)}";
        if (article.Summary.Length > 0)
        {
            description += " — " + article.Summary;
        }

        return new InlineQueryResultArticle(
            article.Id.ToString(CultureInfo.InvariantCulture),
            Shorten(article.Title, MaxTitleLength, texts),
            new InputTextMessageContent(text.Html) { ParseMode = ParseMode.Html })
        {
            Description = Shorten(description, MaxDescriptionLength, texts),
            Url = TelegramRenderer.HttpUrl(article.Url),
        };
    }

    private static string Shorten(string text, int max, Texts texts)
    {
        text = text.Replace('\n', ' ').Trim();
        if (text.Length <= max)
        {
            return text.Length == 0 ? texts.Get("card.untitled") : text;
        }

        var cut = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return text[..cut].TrimEnd() + "…";
    }
}
