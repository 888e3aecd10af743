namespace NewsBot.Core.Commands;

/// <summary>The outcome of reading a line of chat text.</summary>
public abstract record ParsedInput;

/// <summary>A command: its lower-case name without the slash, and the rest of the line, cleaned.</summary>
public sealed record ParsedCommand(string Name, string Arguments) : ParsedInput;

/// <summary>Text that is not a command.</summary>
public sealed record PlainText(string Text) : ParsedInput;

/// <summary>A command addressed to a different bot (<c>/latest@OtherBot</c>): ignore it.</summary>
public sealed record ForAnotherBot : ParsedInput;

/// <summary>Nothing to act on: empty, or only whitespace and control characters.</summary>
public sealed record EmptyInput : ParsedInput;
