using System.Text.RegularExpressions;

namespace NewsBot.Platforms;

/// <summary>Checks a platform section's <c>AnnouncementChannels</c> list, one failure per channel of the wrong shape.</summary>
internal static class AnnouncementChannelsCheck
{
    /// <param name="section">The section's name, which starts each failure's key.</param>
    /// <param name="expected">What a channel must be, as the failure says it.</param>
    public static void AddFailures(List<string> failures, string section, IList<string> channels, Regex shape, string expected)
    {
        for (var i = 0; i < channels.Count; i++)
        {
            var channel = channels[i] ?? string.Empty;
            if (!shape.IsMatch(channel))
            {
                failures.Add($"{section}:AnnouncementChannels:{i} must be {expected}; got \"{channel}\".");
            }
        }
    }
}
