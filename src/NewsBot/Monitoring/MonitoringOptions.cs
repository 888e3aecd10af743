namespace NewsBot.Monitoring;

/// <summary>The <c>Monitoring</c> section: the operator's listener for health, metrics and the status page.</summary>
internal sealed class MonitoringOptions
{
    public const string SectionName = "Monitoring";

    /// <summary>Where the listener answers, such as <c>http://127.0.0.1:9300</c>; empty turns it off.</summary>
    public string ListenUrl { get; set; } = string.Empty;

    /// <summary>The token the status page asks for; required when the listener is not on loopback.</summary>
    public string AccessToken { get; set; } = string.Empty;

    public bool Enabled => !string.IsNullOrWhiteSpace(ListenUrl);
}
