namespace NewsBot.Core.Articles;

/// <summary>Whether /read may fetch a source's article pages when its feed carries only a teaser.</summary>
public enum FullTextMode
{
    /// <summary>The feed's own body when it has one, else the article page's main text.</summary>
    Auto,

    /// <summary>Only what the feed carries: the site asked not to be fetched, or the admins chose so.</summary>
    Never,
}
