namespace NewsBot.Core.Reading;

/// <summary>What reading an article's web page gave: its main text, or why there is none.</summary>
public sealed record PageText(string Text, FullTextProblem Problem)
{
    public static PageText Failed(FullTextProblem problem) => new("", problem);
}
