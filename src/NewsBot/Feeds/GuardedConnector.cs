using System.Net;
using System.Net.Sockets;

namespace NewsBot.Feeds;

/// <summary>
/// Where feed fetches may connect: the HTTP handler whose connection step asks the
/// <see cref="AddressGuard"/> about every resolved address, and the check of the target when a
/// configured proxy makes the connection instead.
/// </summary>
internal static class GuardedConnector
{
    /// <summary>
    /// The handler behind the feeds HttpClient: transparent gzip/deflate/brotli, bounded redirects,
    /// and a connection step that refuses private addresses unless Feeds:AllowPrivateAddresses is set.
    /// No proxy from the environment (HTTP_PROXY and the like): it would reach the local network on
    /// the feed's behalf. Only Feeds:Proxy routes fetches through a proxy.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(IOptionsMonitor<FeedsOptions> options, AddressGuard? guard = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        guard ??= new AddressGuard(TimeProvider.System);
        var proxy = ProxyAddress(options.CurrentValue);
        return new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            // Redirects are followed by the fetcher itself, to count hops and notice permanent moves.
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = proxy is not null,
            Proxy = proxy is null ? null : new WebProxy(proxy) { BypassProxyOnLocal = false },
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, ct) => ConnectAsync(context, options.CurrentValue.AllowPrivateAddresses, guard, proxy, ct),
        };
    }

    /// <summary>The proxy named by Feeds:Proxy, or null for direct connections.</summary>
    public static Uri? ProxyAddress(FeedsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.Proxy) ? null : new Uri(options.Proxy.Trim(), UriKind.Absolute);
    }

    /// <summary>
    /// Why a fetch of <paramref name="target"/> through a proxy is refused (a DNS failure, or an
    /// address the guard refuses), or null when it may go ahead. Through a proxy the connection
    /// goes to the proxy, so the target is checked before the request is sent.
    /// </summary>
    public static async Task<string?> RefusedTargetAsync(AddressGuard guard, Uri target, CancellationToken cancellationToken)
    {
        var host = target.IdnHost;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return StoredText.Of("feedError.dnsFailed", ("host", target.Host));
        }

        // The proxy resolves the name again and may pick any of the answers, so every one must be allowed.
        var refused = addresses.FirstOrDefault(guard.IsRefused);
        return refused is null ? null : RefusalMessage(target.Host, refused);
    }

    private static string RefusalMessage(string host, IPAddress address) =>
        StoredText.Of("feedError.privateAddress", ("host", host), ("address", address), ("setting", $"{FeedsOptions.SectionName}:AllowPrivateAddresses"));

    private static async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context, bool allowPrivateAddresses, AddressGuard guard, Uri? proxy, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);

        // Checked on the resolved addresses, at connect time, so that neither a redirect nor a DNS
        // answer can steer a feed fetch into the local network. The configured proxy itself may be
        // local: the fetcher checked the target before sending the request to it.
        var toProxy = proxy is not null
            && string.Equals(host, proxy.IdnHost, StringComparison.OrdinalIgnoreCase)
            && context.DnsEndPoint.Port == proxy.Port;
        if (!allowPrivateAddresses && !toProxy)
        {
            var permitted = addresses.Where(a => !guard.IsRefused(a)).ToArray();
            if (permitted.Length == 0 && addresses.Length > 0)
            {
                throw new BlockedAddressException(RefusalMessage(host, addresses[0]));
            }

            addresses = permitted;
        }

        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The connection step refused every address of a host; the fetcher reports its message (a <see cref="StoredText"/>) as the reason.</summary>
    public sealed class BlockedAddressException(string message) : IOException(message);
}
