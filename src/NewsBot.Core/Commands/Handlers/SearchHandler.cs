using System.Text.RegularExpressions;

namespace NewsBot.Core.Commands.Handlers;

public sealed partial class SearchHandler(ArticleIndex index, IArticleStore articles, TimeProvider time, IOptions<NewsBotOptions> options) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Search;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var text = request.Arguments.Trim();
        var page = 1;
        var pageMatch = TrailingPage().Match(text);
        if (pageMatch.Success)
        {
            text = text[..pageMatch.Index].TrimEnd();
            if (!Paging.TryRead(pageMatch.Groups["page"].Value, "/search solar page:2", out page, out var problem))
            {
                return Reply.Problem(problem!);
            }
        }

        if (text.Length == 0)
        {
            return Reply.Problem("What should I look for? Type /search <words>, like /search solar power. Use \"quotes\" for an exact phrase and -word to leave a word out.");
        }

        if (text.Length > SearchQuery.MaxLength)
        {
            return Reply.Problem($"That search is too long ({text.Length} characters). Keep it under {SearchQuery.MaxLength}: a few words work best.");
        }

        var query = SearchQuery.Parse(text);
        if (query.TermCount > SearchQuery.MaxTerms)
        {
            return Reply.Problem($"That search has {query.TermCount} terms; use at most {SearchQuery.MaxTerms}.");
        }

        if (query.IsEmpty)
        {
            return Reply.Problem("Give me at least one word to look for; -exclusions alone match nothing. Example: /search solar -wind");
        }

        var pageSize = options.Value.PageSize;
        var now = time.GetUtcNow();
        var found = index.Search(query, (page - 1) * pageSize, pageSize, now);
        var shownText = text.Length <= 60 ? text : text[..60] + "…";
        if (found.Total == 0)
        {
            return Reply.Text($"Nothing found for {shownText}. Try fewer or other words, or browse /topics.");
        }

        var shown = Paging.Clamp(page, found.Total, pageSize);
        string? note = null;
        if (shown < page)
        {
            note = $"There are only {shown} pages; here is the last one.";
            found = index.Search(query, (shown - 1) * pageSize, pageSize, now);
        }

        var heading = found.Total == 1 ? $"1 result for {shownText}" : $"{found.Total} results for {shownText}";
        var list = await articles.GetManyAsync(found.Ids, cancellationToken).ConfigureAwait(false);
        return ArticlePageReply.Build(heading, list, shown, found.Total, pageSize, p => $"/search {text} page:{p}", note);
    }

    [GeneratedRegex(@"(?:^|\s)page:(?<page>-?\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingPage();
}
