using System.Collections.Concurrent;

namespace NewsBot.Tests.Fakes;

/// <summary>
/// Channels and forum groups as the Bot API treats them: getChat finds a channel by id (when the
/// bot is in it) or by its public @name; getChatMember in a channel answers only an administrator
/// bot; sending to a channel needs the bot to be an administrator who may post; in a forum a
/// message_thread_id must name an open topic (the General topic is sent to without one), else
/// "message thread not found" or TOPIC_CLOSED, as Telegram answers.
/// </summary>
public sealed partial class FakeTelegramServer
{
    private static readonly string[] NotByDefault = ["chat_member", "message_reaction", "message_reaction_count"];

    private readonly ConcurrentDictionary<long, FakeChat> _chats = new();
    private readonly ConcurrentDictionary<(long Chat, int Thread), TopicState> _topics = new();
    private readonly ConcurrentDictionary<(long Chat, long User), bool> _mayPost = new();

    public enum TopicState
    {
        Open,
        Closed,
        Deleted,
    }

    /// <summary>A channel; the bot is not in it until <see cref="SetAdmin"/> puts it there.</summary>
    public void AddChannel(long id, string title, string? publicName = null) => _chats[id] = new FakeChat(id, "channel", title, publicName?.TrimStart('@'), IsForum: false);

    /// <summary>A supergroup with topics; its General topic needs no message_thread_id.</summary>
    public void AddForum(long id, string title) => _chats[id] = new FakeChat(id, "supergroup", title, null, IsForum: true);

    public void SetTopic(long forumId, int threadId, TopicState state) => _topics[(forumId, threadId)] = state;

    /// <summary>Makes someone (the bot too, with <see cref="BotId"/>) an administrator of the chat, with or without the right to post.</summary>
    public void SetAdmin(long chatId, long userId, bool canPost = true)
    {
        _members[(chatId, userId)] = "administrator";
        _mayPost[(chatId, userId)] = canPost;
    }

    private bool IsChannel(long chatId) => _chats.TryGetValue(chatId, out var chat) && chat.Type == "channel";

    private bool IsForum(long chatId) => _chats.TryGetValue(chatId, out var chat) && chat.IsForum;

    private bool MayPost(long chatId, long userId) => _mayPost.GetValueOrDefault((chatId, userId), true);

    private string BotStatusIn(long chatId) => _members.GetValueOrDefault((chatId, BotId), "left");

    private long? ChannelNamed(string name) =>
        _chats.Values.FirstOrDefault(c => c.PublicName is { } n && string.Equals("@" + n, name, StringComparison.OrdinalIgnoreCase))?.Id;

    /// <summary>Telegram's refusal of a call in a channel or forum, or null when the call may go on.</summary>
    private (int Code, string Description)? ChatRefusal(string method, JsonObject body)
    {
        var lower = method.ToLowerInvariant();
        var chatId = ChatIdOf(body);
        if (!_chats.TryGetValue(chatId, out var chat))
        {
            // Chats a test did not describe stay as permissive as they always were.
            return null;
        }

        var botStatus = BotStatusIn(chatId);
        if (chat.Type == "channel")
        {
            var byName = body["chat_id"] is JsonValue named && named.TryGetValue<string>(out _);
            switch (lower)
            {
                case "getchat" when botStatus is "left" or "kicked" && !(byName && chat.PublicName is not null):
                    return (400, "Bad Request: chat not found");
                case "getchatmember" when botStatus is "left" or "kicked":
                    return (400, "Bad Request: chat not found");
                case "getchatmember" when botStatus != "administrator":
                    return (400, "Bad Request: member list is inaccessible");
                case "sendmessage" or "sendphoto" when botStatus == "kicked":
                    return (403, "Forbidden: bot was kicked from the channel chat");
                case "sendmessage" or "sendphoto" when botStatus != "administrator":
                    return (403, "Forbidden: bot is not a member of the channel chat");
                case "sendmessage" or "sendphoto" when !MayPost(chatId, BotId):
                    return (400, "Bad Request: need administrator rights in the channel chat");
            }
        }

        if (chat.IsForum && lower is "sendmessage" or "sendphoto" && (int?)body["message_thread_id"] is { } thread)
        {
            return _topics.TryGetValue((chatId, thread), out var state) ? state switch
            {
                TopicState.Closed => (400, "Bad Request: TOPIC_CLOSED"),
                TopicState.Deleted => (400, "Bad Request: message thread not found"),
                _ => null,
            } : (400, "Bad Request: message thread not found");
        }

        return null;
    }

    private JsonObject? FullChat(JsonObject body)
    {
        if (!_chats.TryGetValue(ChatIdOf(body), out var chat))
        {
            return null;
        }

        var full = ChatJson(chat);
        full["accent_color_id"] = 0;
        full["max_reaction_count"] = 11;
        full["accepted_gift_types"] = new JsonObject
        {
            ["unlimited_gifts"] = false,
            ["limited_gifts"] = false,
            ["unique_gifts"] = false,
            ["premium_subscription"] = false,
        };
        return full;
    }

    /// <summary>Gives a message the bot sent its chat as registered, and its forum topic.</summary>
    private void Dress(JsonObject message, int? thread)
    {
        if (!_chats.TryGetValue((long)message["chat"]!["id"]!, out var chat))
        {
            return;
        }

        message["chat"] = ChatJson(chat);
        if (chat.Type == "channel")
        {
            message["sender_chat"] = ChatJson(chat);
        }

        if (chat.IsForum && thread is { } id)
        {
            message["message_thread_id"] = id;
            message["is_topic_message"] = true;
        }
    }

    /// <summary>Which queued updates the bot asked for: none named means every kind but the few Telegram sends only on request.</summary>
    private static Func<JsonObject, bool> AllowedUpdates(JsonObject body)
    {
        var named = (body["allowed_updates"] as JsonArray)?.Select(n => (string?)n).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        return update =>
        {
            var kind = update.Select(p => p.Key).FirstOrDefault(k => k != "update_id") ?? string.Empty;
            return named.Count == 0 ? !NotByDefault.Contains(kind) : named.Contains(kind);
        };
    }

    internal static JsonObject ChatJson(FakeChat chat)
    {
        var json = new JsonObject { ["id"] = chat.Id, ["type"] = chat.Type, ["title"] = chat.Title };
        if (chat.PublicName is { } name)
        {
            json["username"] = name;
        }

        if (chat.IsForum)
        {
            json["is_forum"] = true;
        }

        return json;
    }

    internal sealed record FakeChat(long Id, string Type, string Title, string? PublicName, bool IsForum);
}
