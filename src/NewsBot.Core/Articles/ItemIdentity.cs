namespace NewsBot.Core.Articles;

/// <summary>What identifies a feed item before its texts are read: the feed's own id (trimmed, null when blank) and its canonical link.</summary>
public readonly record struct ItemIdentity(string? Id, string? Link);
