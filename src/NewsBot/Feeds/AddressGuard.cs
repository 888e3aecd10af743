using System.Collections.Frozen;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace NewsBot.Feeds;

/// <summary>
/// Decides which addresses a feed fetch may reach: never the local network, the machine itself,
/// or a range that tunnels to one of those (NAT64, 6to4, Teredo, IPv4-compatible IPv6), unless
/// Feeds:AllowPrivateAddresses says so.
/// </summary>
internal sealed class AddressGuard(TimeProvider time)
{
    private static readonly TimeSpan LocalAddressesLifetime = TimeSpan.FromMinutes(1);

    private Snapshot? _local;

    /// <summary>True when a feed fetch must not connect to <paramref name="address"/>.</summary>
    public bool IsRefused(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IsRefusedRange(address) || LocalAddresses().Contains(Normalise(address));
    }

    /// <summary>The ranges refused whatever the machine: private, loopback, link-local, shared, documentation, multicast, tunnels.</summary>
    public static bool IsRefusedRange(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = Normalise(address);
        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 192 && b[1] == 88 && b[2] == 99)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113);
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast)
        {
            return true;
        }

        Span<byte> v6 = stackalloc byte[16];
        address.TryWriteBytes(v6, out _);
        return v6[..12].IndexOfAnyExcept((byte)0) < 0 // ::/96: unspecified, loopback and IPv4-compatible
            || StartsWith(v6, [0x00, 0x64, 0xFF, 0x9B], 96) // 64:ff9b::/96, NAT64
            || StartsWith(v6, [0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01], 48) // 64:ff9b:1::/48, local NAT64
            || StartsWith(v6, [0x01, 0x00], 64) // 100::/64, discard
            || StartsWith(v6, [0x20, 0x01, 0x00, 0x00], 32) // 2001::/32, Teredo
            || StartsWith(v6, [0x20, 0x01, 0x0D, 0xB8], 32) // 2001:db8::/32, documentation
            || StartsWith(v6, [0x20, 0x02], 16) // 2002::/16, 6to4
            || (v6[0] == 0x3F && (v6[1] & 0xF0) == 0xF0); // 3fff::/20, documentation
    }

    private static bool StartsWith(ReadOnlySpan<byte> address, ReadOnlySpan<byte> prefix, int bits)
    {
        var whole = bits / 8;
        var head = prefix.Length >= whole ? prefix[..whole] : prefix;
        return address.StartsWith(head) && address[head.Length..whole].IndexOfAnyExcept((byte)0) < 0;
    }

    private static IPAddress Normalise(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        // The zone of a link-local address (fe80::1%eth0) does not make it another address.
        return address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes()) : address;
    }

    private FrozenSet<IPAddress> LocalAddresses()
    {
        var now = time.GetUtcNow();
        var current = Volatile.Read(ref _local);
        if (current is not null && now - current.TakenAt < LocalAddressesLifetime)
        {
            return current.Addresses;
        }

        var fresh = new Snapshot(now, ReadLocalAddresses());
        Volatile.Write(ref _local, fresh);
        return fresh.Addresses;
    }

    private static FrozenSet<IPAddress> ReadLocalAddresses()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(u => Normalise(u.Address))
                .ToFrozenSet();
        }
        // Some sandboxes forbid listing interfaces; the fixed ranges still hold there.
        catch (Exception e) when (e is NetworkInformationException or PlatformNotSupportedException or UnauthorizedAccessException or IOException)
        {
            return FrozenSet<IPAddress>.Empty;
        }
    }

    private sealed record Snapshot(DateTimeOffset TakenAt, FrozenSet<IPAddress> Addresses);
}
