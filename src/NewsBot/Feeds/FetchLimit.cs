namespace NewsBot.Feeds;

/// <summary>Which of a fetch's limits ended it.</summary>
internal enum FetchLimit
{
    None,

    /// <summary>Feeds:MaxFeedBytes: the body was larger, or kept coming.</summary>
    Size,

    /// <summary>Feeds:RequestTimeout: the whole request took longer.</summary>
    Time,
}
