namespace NewsBot.Core.Commands;

/// <summary>What <see cref="IChannelAccess"/> found: the verdict, and the channel when it was found.</summary>
/// <param name="Channel">The channel's address, when the platform knows it.</param>
/// <param name="Title">The channel's title, when the platform told it.</param>
public sealed record ChannelCheck(ChannelVerdict Verdict, ChatAddress? Channel = null, string? Title = null);
