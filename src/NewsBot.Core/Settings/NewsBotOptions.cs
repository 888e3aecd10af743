namespace NewsBot.Core.Settings;

/// <summary>The <c>NewsBot</c> configuration section.</summary>
public sealed class NewsBotOptions
{
    public const string SectionName = "NewsBot";

    /// <summary>Folder of the database file; relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>People who may use admin commands, as <c>platform:id</c>.</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>Topic name → keywords that put an article into the topic.</summary>
    public Dictionary<string, List<string>> Topics { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Articles published longer ago than this are removed (unless their feed still lists them).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Commands a person may send at once before the rate limit applies.</summary>
    public int CommandBurst { get; set; } = 10;

    /// <summary>Commands a person may send per minute after the burst; 0 turns the limit off.</summary>
    public int CommandsPerMinute { get; set; } = 20;

    /// <summary>Articles per page in lists.</summary>
    public int PageSize { get; set; } = 5;
}
