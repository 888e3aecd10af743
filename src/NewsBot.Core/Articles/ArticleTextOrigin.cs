namespace NewsBot.Core.Articles;

/// <summary>Where an article's stored full text came from.</summary>
public enum ArticleTextOrigin
{
    /// <summary>The feed carried the whole body (content:encoded, Atom content, JSON Feed content).</summary>
    Feed,

    /// <summary>The main text extracted from the article's web page.</summary>
    Page,

    /// <summary>Reading the page failed; <see cref="ArticleText.Problem"/> says why, and it is not tried again for a while.</summary>
    Failed,
}
