namespace NewsBot.Core.Replies;

/// <summary>One part of a <see cref="Reply"/>.</summary>
public abstract record ReplyBlock;

/// <summary>Plain text; renderers escape it for their format.</summary>
public sealed record TextBlock(string Text, TextStyle Style = TextStyle.Normal) : ReplyBlock;

/// <summary>A list of articles, each shown with the one number people type (its id), source, time and link.</summary>
public sealed record ArticleListBlock(IReadOnlyList<ArticleListItem> Items) : ReplyBlock;

/// <summary>One article shown in full: title, source, time, summary, link and image.</summary>
public sealed record ArticleCardBlock(ArticleView Article) : ReplyBlock;

/// <summary>
/// A part of an article's whole text, as paragraphs separated by line breaks; platforms split it
/// over as many messages as they need. <paramref name="Heading"/> names the article and the part
/// when it is not shown under the article's card.
/// </summary>
public sealed record ArticleBodyBlock(string Text, string? Heading = null) : ReplyBlock;

/// <summary>A list of labelled lines (topics with counts, sources with health, subscriptions).</summary>
public sealed record EntryListBlock(IReadOnlyList<ListEntry> Entries) : ReplyBlock;

public sealed record ArticleListItem(ArticleView Article, string? Note = null);

public sealed record ListEntry(string Label, string? Detail = null);

public enum TextStyle
{
    Normal,
    Heading,
    Hint,
}
