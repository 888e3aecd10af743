namespace NewsBot.Tests.Fakes;

/// <summary>Builders for the updates Telegram sends, as JSON the real client deserializes.</summary>
public static class TelegramUpdates
{
    private static int _nextMessageId = 1;
    private static int _nextQueryId = 1;

    public static long Unix => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public static JsonObject User(long id, string firstName = "Ada") =>
        new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = firstName, ["username"] = "user" + id.ToString(CultureInfo.InvariantCulture) };

    /// <summary>The bot as Telegram describes it in members and messages.</summary>
    public static JsonObject Bot() =>
        new() { ["id"] = FakeTelegramServer.BotId, ["is_bot"] = true, ["first_name"] = "NewsBot", ["username"] = FakeTelegramServer.BotUserName };

    public static JsonObject Chat(long id, string? type = null, string? title = null)
    {
        type ??= id > 0 ? "private" : "supergroup";
        var chat = new JsonObject { ["id"] = id, ["type"] = type };
        if (type == "private")
        {
            chat["first_name"] = "Ada";
        }
        else
        {
            chat["title"] = title ?? "Test group";
        }

        return chat;
    }

    public static JsonObject Message(int messageId, long chatId, long? fromUserId, string? text, string? chatType = null)
    {
        var message = new JsonObject { ["message_id"] = messageId, ["date"] = Unix, ["chat"] = Chat(chatId, chatType) };
        if (fromUserId is { } from)
        {
            message["from"] = User(from);
        }

        if (text is not null)
        {
            message["text"] = text;
        }

        return message;
    }

    /// <summary>A typed message; a leading /command gets its bot_command entity, as Telegram adds one.</summary>
    public static JsonObject Text(long chatId, long userId, string text, string? chatType = null)
    {
        var message = Message(Interlocked.Increment(ref _nextMessageId), chatId, userId, text, chatType);
        if (text.StartsWith('/'))
        {
            var length = text.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? space : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        }

        return new JsonObject { ["message"] = message };
    }

    /// <summary>A press of a button under a message the fake sent.</summary>
    public static JsonObject Callback(TelegramSentMessage pressedUnder, long userId, string data)
    {
        var message = Message(pressedUnder.MessageId, pressedUnder.ChatId, FakeTelegramServer.BotId, pressedUnder.IsPhoto ? null : pressedUnder.Text);
        message["from"] = Bot();
        if (pressedUnder.ThreadId is { } thread)
        {
            message["chat"]!["is_forum"] = true;
            message["message_thread_id"] = thread;
            message["is_topic_message"] = true;
        }

        if (pressedUnder.IsPhoto)
        {
            message["photo"] = new JsonArray(new JsonObject { ["file_id"] = "photo-1", ["file_unique_id"] = "u1", ["width"] = 640, ["height"] = 480 });
            message["caption"] = pressedUnder.Text;
        }

        if (pressedUnder.ReplyMarkup is { } markup)
        {
            message["reply_markup"] = markup.DeepClone();
        }

        return new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = "cb-" + Interlocked.Increment(ref _nextQueryId).ToString(CultureInfo.InvariantCulture),
                ["from"] = User(userId),
                ["message"] = message,
                ["chat_instance"] = "ci-1",
                ["data"] = data,
            },
        };
    }

    public static JsonObject Inline(long userId, string query) => new()
    {
        ["inline_query"] = new JsonObject
        {
            ["id"] = "iq-" + Interlocked.Increment(ref _nextQueryId).ToString(CultureInfo.InvariantCulture),
            ["from"] = User(userId),
            ["query"] = query,
            ["offset"] = "",
        },
    };

    /// <summary>
    /// The bot's own membership changed (blocked, removed, added back). As an administrator of a
    /// channel it has the rights Telegram lists for one, posting among them when <paramref name="canPost"/>.
    /// </summary>
    public static JsonObject MyChatMember(long chatId, long byUserId, string oldStatus, string newStatus, string? chatType = null, bool canPost = true, string? title = null)
    {
        JsonObject Member(string status)
        {
            var member = new JsonObject { ["status"] = status, ["user"] = Bot() };
            if (status == "kicked")
            {
                member["until_date"] = 0;
            }

            if (status == "administrator")
            {
                foreach (var right in new[] { "can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members", "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories", "can_delete_stories" })
                {
                    member[right] = right == "can_manage_chat";
                }

                if (chatType == "channel")
                {
                    member["can_post_messages"] = canPost;
                    member["can_edit_messages"] = canPost;
                }
            }

            return member;
        }

        return new JsonObject
        {
            ["my_chat_member"] = new JsonObject
            {
                ["chat"] = Chat(chatId, chatType, title),
                ["from"] = User(byUserId),
                ["date"] = Unix,
                ["old_chat_member"] = Member(oldStatus),
                ["new_chat_member"] = Member(newStatus),
            },
        };
    }

    /// <summary>The service message a group gets when it becomes a supergroup.</summary>
    public static JsonObject MigratedTo(long groupId, long supergroupId, long byUserId)
    {
        var message = Message(Interlocked.Increment(ref _nextMessageId), groupId, byUserId, null, "group");
        message["migrate_to_chat_id"] = supergroupId;
        return new JsonObject { ["message"] = message };
    }

    /// <summary>
    /// A message typed in a topic of a forum group: Telegram marks it as a topic message with the
    /// topic's thread id and, unless it answers another message, as an answer to the topic's
    /// creation message, which carries the topic's name.
    /// </summary>
    public static JsonObject InTopic(long forumId, int threadId, long userId, string text, string topicName = "News", string forumTitle = "Test forum")
    {
        var update = Text(forumId, userId, text);
        var message = (JsonObject)update["message"]!;
        var chat = Chat(forumId, "supergroup", forumTitle);
        chat["is_forum"] = true;
        message["chat"] = chat;
        message["message_thread_id"] = threadId;
        message["is_topic_message"] = true;
        message["reply_to_message"] = new JsonObject
        {
            ["message_id"] = threadId,
            ["date"] = Unix,
            ["chat"] = chat.DeepClone(),
            ["from"] = User(userId),
            ["message_thread_id"] = threadId,
            ["is_topic_message"] = true,
            ["forum_topic_created"] = new JsonObject { ["name"] = topicName, ["icon_color"] = 7322096 },
        };
        return update;
    }

    /// <summary>A message in a forum's General topic: Telegram sends it without a thread id, as in any group.</summary>
    public static JsonObject InGeneralTopic(long forumId, long userId, string text, string forumTitle = "Test forum")
    {
        var update = Text(forumId, userId, text);
        var chat = Chat(forumId, "supergroup", forumTitle);
        chat["is_forum"] = true;
        update["message"]!["chat"] = chat;
        return update;
    }

    /// <summary>The service message a topic gets when it is reopened.</summary>
    public static JsonObject TopicReopened(long forumId, int threadId, long byUserId, string forumTitle = "Test forum")
    {
        var message = Message(Interlocked.Increment(ref _nextMessageId), forumId, byUserId, null);
        message["chat"]!["is_forum"] = true;
        message["chat"]!["title"] = forumTitle;
        message["message_thread_id"] = threadId;
        message["is_topic_message"] = true;
        message["forum_topic_reopened"] = new JsonObject();
        return new JsonObject { ["message"] = message };
    }

    /// <summary>A post in a channel: written as the channel, with no sender person (no "from").</summary>
    public static JsonObject ChannelPost(long channelId, string text, string title = "Test channel")
    {
        var chat = Chat(channelId, "channel", title);
        return new JsonObject
        {
            ["channel_post"] = new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref _nextMessageId),
                ["date"] = Unix,
                ["chat"] = chat,
                ["sender_chat"] = chat.DeepClone(),
                ["text"] = text,
            },
        };
    }
}
