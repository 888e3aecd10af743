namespace NewsBot.Core.Commands.Handlers;

/// <summary>
/// <c>/language</c> lists the languages, each named in its own script; <c>/language de</c>
/// chooses one. In a private chat it is the person's own language, for every answer wherever
/// they ask and for their private pushes; in a group, channel or server channel it is the
/// chat's language for pushes and digests, which only its admins may change (the router checks).
/// </summary>
public sealed class LanguageHandler(LanguageChoice languages, ChatLifecycle chats, TimeProvider time) : ICommandHandler
{
    private static LanguageCatalog Catalog => LanguageCatalog.Default;

    public CommandInfo Command => CommandCatalog.Language;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var wanted = request.Arguments.Trim();
        var message = request.Message;
        if (wanted.Length == 0)
        {
            var current = message.IsPrivate
                ? t.Get("language.yours", ("language", t.Language.Name))
                : t.Get("language.chat", ("language", Catalog.For(chats.Find(message.Chat)?.Language).Language.Name));
            return List(t, t.Get("language.heading"), current, isProblem: false);
        }

        if (Catalog.Find(wanted) is not { } language)
        {
            var shown = Quoted.Shorten(wanted, 24);
            return List(t, t.Get("language.unknown", ("code", shown)), null, isProblem: true);
        }

        var chosen = Catalog.For(language);
        if (message.IsPrivate)
        {
            await chats.ReactivateAsync(message.Chat, message.ChatKind, message.ChatTitle, cancellationToken).ConfigureAwait(false);
            await languages.ChooseForPersonAsync(message, language, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return Reply.Text(chosen.Get("language.setYours", ("language", language.Name))) with { Language = language.Code };
        }

        await chats.ReactivateAsync(message.Chat, message.ChatKind, message.ChatTitle, cancellationToken).ConfigureAwait(false);
        await chats.SetLanguageAsync(message.Chat, language.Code, cancellationToken).ConfigureAwait(false);
        return Reply.Text(chosen.Get("language.setChat", ("language", language.Name))) with { Language = language.Code };
    }

    private static Reply List(Texts t, string heading, string? hint, bool isProblem)
    {
        var blocks = new List<ReplyBlock>
        {
            new TextBlock(heading, isProblem ? TextStyle.Normal : TextStyle.Heading),
            new EntryListBlock(Catalog.All.Select(l => new ListEntry($"/language {l.Code}", l.Name)).ToList()),
        };
        if (hint is not null)
        {
            blocks.Add(new TextBlock(hint, TextStyle.Hint));
        }

        return new Reply
        {
            Blocks = blocks,
            IsProblem = isProblem,
            Buttons = Catalog.All.Where(l => l != t.Language).Select(l => ReplyButton.ForCommand(l.Name, $"/language {l.Code}")).ToList(),
        };
    }
}
