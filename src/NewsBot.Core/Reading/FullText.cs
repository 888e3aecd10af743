namespace NewsBot.Core.Reading;

/// <summary>What /read can show of an article beyond its summary.</summary>
/// <param name="Text">The whole text, or null when there is none to show (the summary stands).</param>
/// <param name="Problem">Why the page gave no text, when it was tried; <see cref="FullTextProblem.None"/> otherwise.</param>
public sealed record FullText(string? Text, FullTextProblem Problem)
{
    public static FullText None { get; } = new(null, FullTextProblem.None);
}
