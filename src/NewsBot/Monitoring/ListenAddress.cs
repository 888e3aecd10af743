using System.Net;

namespace NewsBot.Monitoring;

/// <summary>A parsed <c>Monitoring:ListenUrl</c>: plain http on an IP address, <c>localhost</c> or every address.</summary>
internal sealed record ListenAddress(string Host, int Port)
{
    /// <summary>What Kestrel is given: a wildcard host stays a wildcard, an IPv6 address gets its brackets.</summary>
    public string Url => string.Create(CultureInfo.InvariantCulture, $"http://{Host}:{Port}");

    /// <summary>Only this machine can reach it, so the status page may go without a token.</summary>
    public bool IsLoopback =>
        string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>Parses the setting; <paramref name="problem"/> says what is wrong in words that name the key.</summary>
    public static bool TryParse(string value, out ListenAddress? address, out string problem)
    {
        address = null;
        problem = string.Empty;
        var text = value.Trim();
        const string Shape = "like http://127.0.0.1:9300 (an IP address or localhost, and a port number)";
        if (!text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            problem = text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? $"Monitoring:ListenUrl must be a plain http address {Shape}; put a reverse proxy in front for https. Got \"{text}\"."
                : $"Monitoring:ListenUrl must be an http address {Shape}; got \"{text}\".";
            return false;
        }

        var rest = text["http://".Length..].TrimEnd('/');
        var colon = rest.LastIndexOf(':');
        if (colon <= 0 || rest.EndsWith(']'))
        {
            problem = $"Monitoring:ListenUrl must include a port, {Shape}; got \"{text}\".";
            return false;
        }

        var host = rest[..colon];
        var portText = rest[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            problem = $"Monitoring:ListenUrl has the port \"{portText}\", which is not a number from 0 to 65535; use an address {Shape}.";
            return false;
        }

        var wildcard = host is "*" or "+" or "0.0.0.0" or "[::]";
        if (!wildcard && !string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            problem = $"Monitoring:ListenUrl must name an IP address, localhost or * to listen on, not a host name or a path; got \"{text}\".";
            return false;
        }

        address = new ListenAddress(host, port);
        return true;
    }
}
