namespace NewsBot.Platforms.Discord.Interactions;

/// <summary>How interactions are answered. Discord wants a first answer within 3 s.</summary>
internal sealed record DiscordInteractionTuning
{
    /// <summary>
    /// A command still working after this long is deferred ("thinking…") and its answer edited in
    /// later. <see cref="TimeSpan.Zero"/> defers every command.
    /// </summary>
    public TimeSpan DeferAfter { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Interactions answered at the same time; more wait their turn for up to <see cref="DeferAfter"/>,
    /// then are told to try again, so Discord's 3 s window is met either way.
    /// </summary>
    public int MaxConcurrent { get; init; } = 32;
}
