namespace NewsBot.Core.Articles;

/// <summary>Why an article page gave no text, in the terms people are told.</summary>
public enum FullTextProblem
{
    None,

    /// <summary>The page is larger than the fetch limit.</summary>
    TooLarge,

    /// <summary>The page did not arrive in time (slow, or never ending).</summary>
    TimedOut,

    /// <summary>The address answered with something other than a web page.</summary>
    NotHtml,

    /// <summary>The page holds no article text that could be told apart from the rest.</summary>
    NoText,

    /// <summary>The site could not be reached, refused, or answered with an error.</summary>
    Unreachable,
}
