namespace NewsBot.Platforms.Discord.Rest;

/// <summary>The first answer to an interaction (<c>POST /interactions/{id}/{token}/callback</c>).</summary>
internal sealed record DiscordInteractionResponse(int Type, object? Data = null)
{
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int UpdateMessage = 7;
    public const int AutocompleteResult = 8;

    public static DiscordInteractionResponse Message(DiscordMessage message) => new(ChannelMessage, message);

    public static DiscordInteractionResponse Update(DiscordMessage message) => new(UpdateMessage, message);

    /// <summary>"Thinking…" now, the answer later by editing the original response.</summary>
    public static DiscordInteractionResponse Defer(bool ephemeral) =>
        new(DeferredChannelMessage, ephemeral ? new DeferData(DiscordMessage.EphemeralFlag) : null);

    public static DiscordInteractionResponse Choices(IReadOnlyList<DiscordChoice> choices) =>
        new(AutocompleteResult, new ChoicesData(choices));

    private sealed record DeferData(int Flags);

    private sealed record ChoicesData(IReadOnlyList<DiscordChoice> Choices);
}

/// <summary>An autocomplete suggestion: what the person sees and the value the option gets.</summary>
internal sealed record DiscordChoice(string Name, object Value);
