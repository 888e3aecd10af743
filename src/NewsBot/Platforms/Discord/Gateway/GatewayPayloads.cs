using System.Buffers;
using System.Runtime.InteropServices;

namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>Writes the frames NewsBot sends, as UTF-8 JSON.</summary>
internal static class GatewayPayloads
{
    /// <summary>GUILDS only: slash commands and buttons arrive as INTERACTION_CREATE, which needs no intent.</summary>
    public const int Intents = 1;

    public const string ClientName = "newsbot";

    /// <summary>Discord closes the connection (4002) on a client frame above this size.</summary>
    public const int MaxFrameBytes = 4096;

    public static byte[] Heartbeat(long? sequence) => Write(w =>
    {
        w.WriteNumber("op", (int)GatewayOpCode.Heartbeat);
        if (sequence is { } s)
        {
            w.WriteNumber("d", s);
        }
        else
        {
            w.WriteNull("d");
        }
    });

    /// <param name="shard">The shard this connection is, when the bot runs more than one.</param>
    public static byte[] Identify(string token, GatewayShard? shard = null) => Write(w =>
    {
        w.WriteNumber("op", (int)GatewayOpCode.Identify);
        w.WriteStartObject("d");
        w.WriteString("token", token);
        w.WriteNumber("intents", Intents);
        if (shard is { Count: > 1 } sharded)
        {
            w.WriteStartArray("shard");
            w.WriteNumberValue(sharded.Id);
            w.WriteNumberValue(sharded.Count);
            w.WriteEndArray();
        }

        w.WriteStartObject("properties");
        w.WriteString("os", OperatingSystemName());
        w.WriteString("browser", ClientName);
        w.WriteString("device", ClientName);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static byte[] Resume(string token, string sessionId, long? sequence) => Write(w =>
    {
        w.WriteNumber("op", (int)GatewayOpCode.Resume);
        w.WriteStartObject("d");
        w.WriteString("token", token);
        w.WriteString("session_id", sessionId);
        if (sequence is { } s)
        {
            w.WriteNumber("seq", s);
        }
        else
        {
            w.WriteNull("seq");
        }

        w.WriteEndObject();
    });

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsMacOS() ? "macos"
        : RuntimeInformation.OSDescription.ToLowerInvariant();

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
