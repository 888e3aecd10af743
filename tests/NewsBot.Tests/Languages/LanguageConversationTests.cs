namespace NewsBot.Tests.Languages;

/// <summary>
/// Whole conversations in each language through the terminal, as a person would have them:
/// /language switches, everything NewsBot writes follows, and feed content stays as it was written.
/// </summary>
public sealed class LanguageConversationTests : IDisposable
{
    private const string Script = "/language {0}\n/start\n/latest\n/read 1\n/topics\n/bookmark 1\n/bookmarks\n/subscribe technology daily 08:00\n/subscribe confirm 1\n/subscriptions\n/why 1\n/help\n/nonsense\n/read abc\n/language\n";

    private readonly TestBot _bot = new();

    public LanguageConversationTests()
    {
        _bot.IngestAsync(_bot.Source("Daily Wire", "technology"), TestBot.Entry("Robot arm learns to fold laundry", "A robot arm folds shirts.", hoursAgo: 2)).GetAwaiter().GetResult();
    }

    public void Dispose() => _bot.Dispose();

    public static TheoryData<string, string[]> Conversations() => new()
    {
        { "en", ["From now on I answer you in English.", "Welcome to NewsBot", "Latest news", "Topics: technology", "Saved: Robot arm", "Your bookmarks (1)", "Subscribed (#1): topic technology, daily digest at 08:00.", "NewsBot commands", "I don't know /nonsense", "'abc' is not an article number", "2 h ago"] },
        { "de", ["Ab jetzt antworte ich dir auf Deutsch.", "Willkommen bei NewsBot", "Neueste Nachrichten", "Themen: Technik", "Gemerkt: Robot arm", "Deine Lesezeichen (1)", "Abonniert (#1): Thema Technik, tägliche Zusammenfassung um 08:00.", "NewsBot-Befehle", "/nonsense kenne ich nicht", "„abc“ ist keine Artikelnummer", "vor 2 Std."] },
        { "es", ["A partir de ahora te respondo en Español.", "Te damos la bienvenida a NewsBot", "Últimas noticias", "Temas: tecnología", "Guardado: Robot arm", "Tus guardados (1)", "Suscripción creada (#1): tema tecnología, resumen diario a las 08:00.", "Comandos de NewsBot", "No conozco /nonsense", "«abc» no es un número de artículo", "hace 2 h"] },
        { "pt-BR", ["A partir de agora, respondo você em Português (Brasil).", "Boas-vindas ao NewsBot", "Últimas notícias", "Temas: tecnologia", "Salvo: Robot arm", "Seus salvos (1)", "Inscrição feita (#1): tema tecnologia, resumo diário às 08:00.", "Comandos do NewsBot", "Não conheço /nonsense", "“abc” não é um número de artigo", "há 2 h"] },
        { "ru", ["Теперь я отвечаю вам на языке: Русский.", "Добро пожаловать в NewsBot", "Свежие новости", "Темы: технологии", "Сохранено: Robot arm", "Ваши закладки (1)", "Подписка оформлена (#1): тема технологии, ежедневная сводка в 08:00.", "Команды NewsBot", "Я не знаю команды /nonsense", "«abc» — не номер статьи", "2 ч назад"] },
        { "zh-Hans", ["好的，以后我会用简体中文回复你。", "欢迎使用 NewsBot", "最新新闻", "主题：科技", "已收藏：Robot arm", "你的收藏（1）", "订阅成功（#1）：主题 科技，每日 08:00 摘要。", "NewsBot 命令", "我不认识 /nonsense", "“abc”不是文章编号", "2 小时前"] },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task AConversation_IsHeldInTheChosenLanguage_WithTheArticlesAsWritten(string code, string[] expected)
    {
        var transcript = await TalkAsync(Script.Replace("{0}", code, StringComparison.Ordinal));

        foreach (var phrase in expected)
        {
            Assert.Contains(phrase, transcript, StringComparison.Ordinal);
        }

        // Feed content is never translated.
        Assert.Contains("Robot arm learns to fold laundry", transcript, StringComparison.Ordinal);
        Assert.Contains("A robot arm folds shirts.", transcript, StringComparison.Ordinal);
        AssertNoKeyOrPlaceholderShows(transcript);
    }

    [Fact]
    public async Task LanguageAlone_ListsEveryLanguageInItsOwnScript()
    {
        var transcript = await TalkAsync("/language\n");

        foreach (var name in new[] { "English", "Deutsch", "Español", "Português (Brasil)", "Русский", "简体中文" })
        {
            Assert.Contains(name, transcript, StringComparison.Ordinal);
        }

        Assert.Contains("/language pt-BR", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCode_GetsTheListOfLanguages_AndChangesNothing()
    {
        var transcript = await TalkAsync("/language de\n/language xx\n/latest\n");

        Assert.Contains("„xx“ spreche ich noch nicht.", transcript, StringComparison.Ordinal);
        Assert.Contains("/language zh-Hans", transcript, StringComparison.Ordinal);
        Assert.Contains("Neueste Nachrichten", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_SwitchesBackAndForth_AndIsKeptForThePerson()
    {
        await TalkAsync("/language ru\n");
        var russian = await TalkAsync("/latest\n");
        await TalkAsync("/language English\n");
        var english = await TalkAsync("/latest\n");

        Assert.Contains("Свежие новости", russian, StringComparison.Ordinal);
        Assert.Contains("Latest news", english, StringComparison.Ordinal);
        Assert.Equal("en", await _bot.Get<IUserStore>().FindLanguageAsync(TerminalChat.Operator, CancellationToken.None));
        Assert.Equal("en", _bot.Get<ChatLifecycle>().Find(TerminalChat.Chat)!.Language);
    }

    [Fact]
    public async Task TopicKeys_WorkInEveryLanguage_AndTranslatedNamesToo()
    {
        var transcript = await TalkAsync("/language de\n/topic technology\n/topic Technik\n/subscribe Technik\n/subscribe confirm 1\n");

        Assert.Equal(2, CountOf(transcript, "Technik\n──"));
        Assert.Contains("Abonniert (#1): Thema Technik, sofort bei Erscheinen.", transcript, StringComparison.Ordinal);
        Assert.Equal("technology", (await _bot.Get<ISubscriptionStore>().ListForChatAsync(TerminalChat.Chat.Key, CancellationToken.None)).Single().Query);
    }

    private async Task<string> TalkAsync(string input)
    {
        var chat = new TerminalChat(_bot.Get<CommandRouter>(), _bot.Get<LanguageChoice>(), _bot.Time, NullLogger<TerminalChat>.Instance);
        var output = new StringWriter();
        await chat.RunAsync(new StringReader(input), output, interactive: false, CancellationToken.None);
        return output.ToString();
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static void AssertNoKeyOrPlaceholderShows(string transcript)
    {
        var leaked = LanguageCatalog.Default.English.Texts.Keys.Where(k => transcript.Contains(k, StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0, "Keys shown instead of text: " + string.Join(", ", leaked));
        Assert.DoesNotMatch(@"\{[a-zA-Z]+\}", transcript);
    }
}
