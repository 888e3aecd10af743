namespace NewsBot.Core.Search;

/// <summary>What is wrong with a query as typed; each has a message that shows where.</summary>
public enum QueryErrorKind
{
    /// <summary>A <c>word:</c> that is not one of <c>source:</c>, <c>topic:</c>, <c>title:</c>.</summary>
    UnknownField,

    /// <summary>A field with nothing after the colon.</summary>
    EmptyField,

    /// <summary>A quote that is never closed.</summary>
    UnclosedQuote,

    /// <summary>A <c>(</c> that is never closed.</summary>
    UnclosedParenthesis,

    /// <summary>A <c>)</c> that closes nothing.</summary>
    UnopenedParenthesis,

    /// <summary><c>()</c> with nothing inside.</summary>
    EmptyGroup,

    /// <summary>Parentheses inside parentheses, deeper than a query needs.</summary>
    TooDeep,

    /// <summary><c>OR</c> without a term on one side.</summary>
    LonelyOr,

    /// <summary>A <c>/</c> pattern that is never closed.</summary>
    UnclosedPattern,

    /// <summary>A pattern the regular expression syntax does not allow.</summary>
    BadPattern,

    /// <summary>A pattern using what the safe engine cannot run (look-arounds, back-references).</summary>
    UnsupportedPattern,

    PatternTooLong,

    /// <summary>A pattern with a space: patterns are tried on one word at a time.</summary>
    PatternWithSpace,

    /// <summary>A flag after a pattern other than <c>i</c>.</summary>
    BadPatternFlag,
}
