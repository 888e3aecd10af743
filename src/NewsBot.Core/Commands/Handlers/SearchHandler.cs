using System.Text.RegularExpressions;

namespace NewsBot.Core.Commands.Handlers;

public sealed partial class SearchHandler(ArticleIndex index, IArticleStore articles, ISourceStore sources, TimeProvider time, IOptions<NewsBotOptions> options) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Search;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var text = request.Arguments.Trim();
        var page = 1;
        var pageMatch = TrailingPage().Match(text);
        if (pageMatch.Success)
        {
            text = text[..pageMatch.Index].TrimEnd();
            if (!Paging.TryRead(pageMatch.Groups["page"].Value, "/search solar page:2", t, out page, out var problem))
            {
                return Reply.Problem(problem!);
            }
        }

        if (text.Length == 0)
        {
            return Reply.Problem(t.Get("search.missing"));
        }

        // Terms and mistakes first: a query of 500 terms is told about its terms, not its length.
        var query = SearchQuery.TryParse(text, out var error);
        if (query is null)
        {
            return Reply.Problem(QueryProblems.Describe(error!, t));
        }

        if (query.TermCount > SearchQuery.MaxTerms)
        {
            return Reply.Problem(t.Get("search.tooManyTerms", ("terms", query.TermCount), ("max", SearchQuery.MaxTerms)));
        }

        if (text.Length > SearchQuery.MaxLength)
        {
            return Reply.Problem(t.Get("search.tooLong", ("length", text.Length), ("max", SearchQuery.MaxLength)));
        }

        if (query.IsEmpty)
        {
            return Reply.Problem(t.Get("search.empty"));
        }

        var sourceNames = query.UsesSources ? await SourceNamesAsync(sources, cancellationToken).ConfigureAwait(false) : null;
        var pageSize = options.Value.PageSize;
        var now = time.GetUtcNow();
        var found = index.Search(query, (page - 1) * pageSize, pageSize, now, sourceNames);
        var shownText = Quoted.Shorten(text, 60);
        if (found.Total == 0)
        {
            return Reply.Text(t.Get("search.nothing", ("query", shownText)));
        }

        var shown = Paging.Clamp(page, found.Total, pageSize);
        var note = Paging.PastTheEnd(page, shown, t);
        if (note is not null)
        {
            found = index.Search(query, (shown - 1) * pageSize, pageSize, now, sourceNames);
        }

        var heading = t.Count("search.heading", found.Total, ("query", shownText));
        var list = await articles.GetManyAsync(found.Ids, cancellationToken).ConfigureAwait(false);
        return ArticlePageReply.Build(heading, ArticleViews.ListOf(list), shown, found.Total, pageSize, p => $"/search {text} page:{p}", t, note);
    }

    /// <summary>Every source's name by id, for the <c>source:</c> parts of a query.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> SourceNamesAsync(ISourceStore sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return (await sources.AllAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Id, s => s.Name);
    }

    [GeneratedRegex(@"(?:^|\s)page:(?<page>-?\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingPage();
}
