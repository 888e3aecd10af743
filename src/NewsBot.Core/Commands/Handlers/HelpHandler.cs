namespace NewsBot.Core.Commands.Handlers;

public sealed class HelpHandler : ICommandHandler
{
    /// <summary>The parts of the query language /help search and /help subscribe explain, in this order.</summary>
    private static readonly string[] QueryGuide = ["words", "phrase", "exclude", "or", "group", "title", "source", "topic", "pattern"];

    public CommandInfo Command => CommandCatalog.Help;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var wanted = request.Arguments.Trim().TrimStart('/');
        return ValueTask.FromResult(wanted.Length == 0 ? Overview(request.IsBotAdmin, request.Texts) : Details(wanted, request.Texts));
    }

    private static Reply Overview(bool forAdmin, Texts t)
    {
        var blocks = new List<ReplyBlock> { new TextBlock(t.Get("help.heading"), TextStyle.Heading) };
        var shown = CommandCatalog.All.Where(c => forAdmin || c.Audience != CommandAudience.BotAdmins);
        foreach (var section in shown.GroupBy(c => c.Section))
        {
            blocks.Add(new TextBlock(t.Get("section." + section.Key), TextStyle.Heading));
            blocks.Add(new EntryListBlock(section.Select(c => new ListEntry(c.Usage(t), c.Summary(t))).ToList()));
        }

        blocks.Add(new TextBlock(t.Get("help.groupHint"), TextStyle.Hint));
        return new Reply { Blocks = blocks };
    }

    private static Reply Details(string name, Texts t)
    {
        var command = CommandCatalog.Find(name.Split(' ', 2)[0]);
        if (command is null)
        {
            var shown = Quoted.Shorten(name, 32);
            return Suggestions.Closest(name, CommandCatalog.All.Select(c => c.Name)) is { } suggestion
                ? Reply.Problem(t.Get("help.unknownSuggest", ("command", shown), ("suggestion", suggestion)))
                : Reply.Problem(t.Get("help.unknown", ("command", shown)));
        }

        var blocks = new List<ReplyBlock>
        {
            new TextBlock(command.Usage(t), TextStyle.Heading),
            new TextBlock(t.Get("help.summary", ("summary", command.Summary(t)))),
        };
        if (command.Arguments.Count > 0)
        {
            blocks.Add(new EntryListBlock(command.Arguments
                .Select(a => new ListEntry(a.Required ? $"<{a.DisplayName(t)}>" : $"[{a.DisplayName(t)}]", command.Describe(a, t)))
                .ToList()));
        }

        blocks.Add(new TextBlock(t.Get("help.examples"), TextStyle.Hint));
        blocks.Add(new EntryListBlock(CommandCatalog.ExamplesOf(command, t).Select(e => new ListEntry(e)).ToList()));
        if (command == CommandCatalog.Search || command == CommandCatalog.Subscribe)
        {
            blocks.Add(new TextBlock(t.Get("query.help.heading"), TextStyle.Heading));
            blocks.Add(new EntryListBlock(QueryGuide.Select(part => new ListEntry(t.Get($"query.help.{part}.example"), t.Get("query.help." + part, ("max", QueryPatterns.MaxLength)))).ToList()));
        }

        if (command.Audience == CommandAudience.ChatAdmins)
        {
            blocks.Add(new TextBlock(t.Get("help.chatAdmins"), TextStyle.Hint));
        }

        return new Reply { Blocks = blocks };
    }
}
