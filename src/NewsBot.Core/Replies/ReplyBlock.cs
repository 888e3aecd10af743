namespace NewsBot.Core.Replies;

/// <summary>One part of a <see cref="Reply"/>.</summary>
public abstract record ReplyBlock;

/// <summary>Plain text; renderers escape it for their format.</summary>
public sealed record TextBlock(string Text, TextStyle Style = TextStyle.Normal) : ReplyBlock;

/// <summary>A list of articles, each shown with the one number people type (its id), source, time and link.</summary>
public sealed record ArticleListBlock(IReadOnlyList<ArticleListItem> Items) : ReplyBlock;

/// <summary>One article shown in full: title, source, time, summary, link and image.</summary>
public sealed record ArticleCardBlock(ArticleView Article) : ReplyBlock;

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
