using System.Net;
using NewsBot.Platforms.Terminal;

namespace NewsBot.Benchmarks.Fanout;

/// <summary>Delivery's way to the <see cref="FakePlatform"/>: renders the reply as text and posts it, one attempt per call, like a platform adapter.</summary>
internal sealed class LoopbackSender(HttpClient http, TimeProvider time) : IChatSender
{
    public string Platform => PlatformNames.Telegram;

    public async Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken)
    {
        using var content = new StringContent(TerminalRenderer.Render(reply, time.GetUtcNow()));
        try
        {
            using var response = await http.PostAsync(new Uri("/send?chat=" + Uri.EscapeDataString(chat.Key), UriKind.Relative), content, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => new SendOutcome.Sent(),
                HttpStatusCode.TooManyRequests => new SendOutcome.RetryAfter(TimeSpan.FromSeconds(1), Global: false),
                _ => new SendOutcome.TransientFailure("HTTP " + (int)response.StatusCode),
            };
        }
        catch (HttpRequestException ex)
        {
            return new SendOutcome.TransientFailure(ex.Message);
        }
    }
}
