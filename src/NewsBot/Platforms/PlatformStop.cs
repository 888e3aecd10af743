namespace NewsBot.Platforms;

/// <summary>
/// What happens when a platform can never work (its token or a setting refused): it stops
/// alone while another platform keeps sending, and stops the host when it was the only one.
/// </summary>
internal static class PlatformStop
{
    /// <summary>Stops <paramref name="platform"/> as above; returns the sentence that says which happened, for the platform's log line.</summary>
    public static string Stop(string platform, IEnumerable<IChatSender> senders, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(senders);
        ArgumentNullException.ThrowIfNull(lifetime);
        if (senders.Any(s => s.Platform != platform))
        {
            return $"{platform} is stopped; the other platforms keep running.";
        }

        lifetime.StopApplication();
        return "Stopping.";
    }
}
