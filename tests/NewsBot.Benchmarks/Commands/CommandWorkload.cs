namespace NewsBot.Benchmarks.Commands;

internal enum CommandKind
{
    Latest,
    Topic,
    Search,
    SearchOperators,
    Bookmarks,
    Read,
}

/// <summary>
/// One timed call: the message as a private chat would deliver it, and the same request in
/// structured form for the naive baseline.
/// </summary>
internal sealed record CommandInput(CommandKind Kind, IncomingMessage Message, int Page, string Topic, IReadOnlyList<string> Words, int ArticleId)
{
    public string UserKey => Message.User.Key;
}

/// <summary>The random requests of each command, drawn once so NewsBot and the baseline answer the same ones.</summary>
internal sealed class CommandWorkload(Vocabulary vocabulary, int articles, int users, int bookmarksPerUser, int pageSize)
{
    public static readonly IReadOnlyList<CommandKind> Kinds = Enum.GetValues<CommandKind>();

    public static string Label(CommandKind kind) => kind switch
    {
        CommandKind.Latest => "/latest [page 1–5]",
        CommandKind.Topic => "/topic <topic> [page 1–3]",
        CommandKind.Search => "/search <1–3 words>",
        CommandKind.SearchOperators => "/search <OR, title:, source:, topic:, -( ), /pattern/>",
        CommandKind.Bookmarks => "/bookmarks [page 1–4]",
        CommandKind.Read => "/read <id>",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public IReadOnlyList<CommandInput> Create(CommandKind kind, int count, Random random)
    {
        var inputs = new List<CommandInput>(count);
        for (var i = 0; i < count; i++)
        {
            inputs.Add(Next(kind, random));
        }

        return inputs;
    }

    private CommandInput Next(CommandKind kind, Random random)
    {
        var user = random.Next(1, users + 1);
        switch (kind)
        {
            case CommandKind.Latest:
            {
                var page = random.Next(1, Math.Min(5, Pages(articles)) + 1);
                return Input(kind, user, WithPage("/latest", page), page);
            }

            case CommandKind.Topic:
            {
                var topic = SyntheticNews.Topics[random.Next(SyntheticNews.Topics.Count)];
                var page = random.Next(1, 4);
                return Input(kind, user, WithPage("/topic " + topic, page), page, topic: topic);
            }

            case CommandKind.Search:
            {
                var count = random.Next(1, 4);
                var words = new List<string>(count);
                while (words.Count < count)
                {
                    var word = vocabulary.Draw(random);
                    if (!words.Contains(word))
                    {
                        words.Add(word);
                    }
                }

                return Input(kind, user, "/search " + string.Join(' ', words), 1, words: words);
            }

            case CommandKind.SearchOperators:
            {
                var words = Draw(3, random);
                var topic = SyntheticNews.Topics[random.Next(SyntheticNews.Topics.Count)];
                var source = SyntheticNews.Sources[random.Next(SyntheticNews.Sources.Count)].Name;
                var query = random.Next(6) switch
                {
                    0 => $"{words[0]} OR {words[1]}",
                    1 => $"title:{words[0]} {words[1]}",
                    2 => $"({words[0]} OR {words[1]}) -{words[2]}",
                    3 => $"source:\"{source}\" {words[0]}",
                    4 => $"{words[0]} topic:{topic} -topic:world",
                    _ => $"{words[0]} /^{words[1][..Math.Min(3, words[1].Length)]}/",
                };
                return Input(kind, user, "/search " + query, 1, words: words);
            }

            case CommandKind.Bookmarks:
            {
                var page = random.Next(1, Math.Min(4, Pages(bookmarksPerUser)) + 1);
                return Input(kind, user, WithPage("/bookmarks", page), page);
            }

            case CommandKind.Read:
            {
                var id = random.Next(1, articles + 1);
                return Input(kind, user, "/read " + id.ToString(CultureInfo.InvariantCulture), 1, articleId: id);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private List<string> Draw(int count, Random random)
    {
        var words = new List<string>(count);
        while (words.Count < count)
        {
            var word = vocabulary.Draw(random);
            if (!words.Contains(word))
            {
                words.Add(word);
            }
        }

        return words;
    }

    private int Pages(int items) => Math.Max(1, (items + pageSize - 1) / pageSize);

    private static string WithPage(string command, int page) =>
        page == 1 ? command : command + " " + page.ToString(CultureInfo.InvariantCulture);

    private static CommandInput Input(CommandKind kind, int user, string text, int page, string topic = "", IReadOnlyList<string>? words = null, int articleId = 0)
    {
        var id = user.ToString(CultureInfo.InvariantCulture);
        var message = new IncomingMessage(
            new ChatAddress(PlatformNames.Telegram, id),
            ChatKind.Private,
            null,
            new UserAddress(PlatformNames.Telegram, id),
            "Reader " + id,
            text,
            IsChatAdmin: true);
        return new CommandInput(kind, message, page, topic, words ?? [], articleId);
    }
}
