namespace NewsBot.Core.Search;

public sealed record TopicCount(string Topic, int Count);
