namespace NewsBot.Core.Search;

/// <summary>
/// A stored article as far as telling whether an <see cref="IndexImage"/> still holds it as
/// stored: its id, and the story it was given (the one thing the store changes after adding it).
/// </summary>
public readonly record struct StoredArticleKey(int Id, int StoryId);
