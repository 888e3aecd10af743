using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace NewsBot.Monitoring;

/// <summary>
/// Who may see the status page: anyone on a loopback listener without a token, otherwise only a
/// request carrying <c>Monitoring:AccessToken</c>, as <c>?token=</c> (so a bookmarked page
/// refreshes itself) or as <c>Authorization: Bearer</c>. The comparison takes the same time
/// whatever the guess.
/// </summary>
internal sealed class AccessGate(IOptions<MonitoringOptions> options)
{
    private readonly byte[]? _expected = options.Value.AccessToken.Trim() is { Length: > 0 } token ? Hash(token) : null;

    public bool Allows(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_expected is null)
        {
            return true;
        }

        var given = request.Query["token"].ToString();
        var authorization = request.Headers.Authorization.ToString();
        if (given.Length == 0 && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            given = authorization["Bearer ".Length..].Trim();
        }

        return given.Length > 0 && CryptographicOperations.FixedTimeEquals(Hash(given), _expected);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
