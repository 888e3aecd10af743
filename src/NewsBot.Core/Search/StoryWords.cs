namespace NewsBot.Core.Search;

/// <summary>An article's title and summary as words, for finding its story; made where the article is prepared, off the storing path.</summary>
public sealed record StoryWords(IReadOnlyList<string> Title, IReadOnlyList<string> Summary)
{
    public static StoryWords Of(Article article) => new(TextTokenizer.Tokenize(article.Title), TextTokenizer.Tokenize(article.Summary));
}
