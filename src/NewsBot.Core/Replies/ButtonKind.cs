namespace NewsBot.Core.Replies;

/// <summary>What pressing a button does to the message it sits under; adapters act on this, never on the command text.</summary>
public enum ButtonKind
{
    /// <summary>Runs a command; its answer is a new message.</summary>
    Command,

    /// <summary>Another page of the same list: the answer replaces the message.</summary>
    PageTurn,

    /// <summary>Flips a state shown on the message (Save / Saved): the answer is the updated message, with a short note.</summary>
    Toggle,

    /// <summary>Confirms or cancels what the message proposes.</summary>
    Confirm,

    /// <summary>Opens a web address; nothing reaches the bot.</summary>
    Link,
}
