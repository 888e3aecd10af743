using Microsoft.AspNetCore.Http;

namespace NewsBot.Tests.Feeds;

/// <summary>
/// Responses that do not end on their own, for the limits of the fetcher and the page reader:
/// each writes until the client gives up, within a bound so that a broken client cannot keep
/// the server writing forever.
/// </summary>
internal static class UnendingResponses
{
    /// <summary>One <paramref name="piece"/> every quarter of a second, forty at the most.</summary>
    public static RequestDelegate Drip(string contentType, byte[] piece) => context =>
        WriteUntilTheClientLeavesAsync(context, contentType, async (body, aborted) =>
        {
            for (var i = 0; i < 40 && !aborted.IsCancellationRequested; i++)
            {
                await body.WriteAsync(piece, aborted);
                await body.FlushAsync(aborted);
                await Task.Delay(250, aborted);
            }
        });

    /// <summary>
    /// <paramref name="chunk"/> as fast as the client reads, <paramref name="times"/> times at the
    /// most, telling <paramref name="written"/> of each.
    /// </summary>
    public static RequestDelegate Flood(string? contentType, byte[] chunk, int times, Action<int>? written = null) => context =>
        WriteUntilTheClientLeavesAsync(context, contentType, async (body, aborted) =>
        {
            for (var i = 0; i < times && !aborted.IsCancellationRequested; i++)
            {
                await body.WriteAsync(chunk, aborted);
                written?.Invoke(chunk.Length);
            }
        });

    private static async Task WriteUntilTheClientLeavesAsync(HttpContext context, string? contentType, Func<Stream, CancellationToken, Task> write)
    {
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }

        try
        {
            await write(context.Response.Body, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
    }
}
