using System.Text.RegularExpressions;

namespace NewsBot.Tests.Fakes;

/// <summary>Answers a /subscribe preview on the fake Discord as a person would: by pressing its Subscribe button.</summary>
public static partial class DiscordPreviews
{
    private static long _lastId = 930_000_000_000_000_000;

    /// <summary>The Subscribe button's custom id in a preview message.</summary>
    public static string Confirm(JsonNode? message)
    {
        var found = ConfirmPayload().Match(message?.ToJsonString() ?? "");
        Assert.True(found.Success, "no Subscribe button in " + message?.ToJsonString());
        return found.Value;
    }

    /// <summary>A press of <paramref name="customId"/> by whoever sent <paramref name="command"/>, where they sent it.</summary>
    public static JsonObject Press(JsonObject command, string customId)
    {
        ArgumentNullException.ThrowIfNull(command);
        var press = JsonNode.Parse(command.ToJsonString())!.AsObject();
        press["id"] = Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);
        press["token"] = "itok-" + Guid.NewGuid().ToString("N");
        press["type"] = 3;
        press["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        press["message"] = new JsonObject { ["id"] = "800000000000000801", ["channel_id"] = (string?)command["channel_id"] };
        return press;
    }

    [GeneratedRegex(@"c:/subscribe (?:forum:\d+ )?confirm \d+")]
    private static partial Regex ConfirmPayload();
}
