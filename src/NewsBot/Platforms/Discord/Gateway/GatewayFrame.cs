namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>
/// One message from the gateway: <c>{"op", "d", "s", "t"}</c>. Owns its parsed document (a copy of
/// the bytes, so the receive buffer can be reused at once); dispose it when done.
/// </summary>
internal sealed class GatewayFrame : IDisposable
{
    private readonly JsonDocument _document;

    private GatewayFrame(JsonDocument document, int op, long? sequence, string? eventName)
    {
        _document = document;
        Op = op;
        Sequence = sequence;
        EventName = eventName;
    }

    public int Op { get; }

    public long? Sequence { get; }

    public string? EventName { get; }

    /// <summary>The frame's <c>d</c>; an undefined element when the frame has none.</summary>
    public JsonElement Data => _document.RootElement.TryGetProperty("d", out var d) ? d : default;

    /// <summary>Parses a whole message; on bad input returns null and says why (without echoing the message).</summary>
    public static GatewayFrame? TryParse(ReadOnlySpan<byte> utf8, out string? problem)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            // The exception's message quotes the input, which is not ours to log.
            problem = $"not JSON: invalid at byte {ex.BytePositionInLine} of line {ex.LineNumber}";
            return null;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("op", out var opElement)
            || opElement.ValueKind != JsonValueKind.Number
            || !opElement.TryGetInt32(out var op))
        {
            document.Dispose();
            problem = "not a gateway payload (no numeric \"op\")";
            return null;
        }

        long? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var seq) ? seq : null;
        var eventName = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        problem = null;
        return new GatewayFrame(document, op, sequence, eventName);
    }

    public void Dispose() => _document.Dispose();
}
