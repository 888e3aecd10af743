namespace NewsBot.Core.Commands.Handlers;

public sealed class HelpHandler : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Help;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var wanted = request.Arguments.Trim().TrimStart('/');
        return ValueTask.FromResult(wanted.Length == 0 ? Overview(request.IsBotAdmin) : Details(wanted));
    }

    private static Reply Overview(bool forAdmin)
    {
        var blocks = new List<ReplyBlock> { new TextBlock("NewsBot commands", TextStyle.Heading) };
        var shown = CommandCatalog.All.Where(c => forAdmin || c.Audience != CommandAudience.BotAdmins);
        foreach (var section in shown.GroupBy(c => c.Section))
        {
            blocks.Add(new TextBlock(section.Key, TextStyle.Heading));
            blocks.Add(new EntryListBlock(section.Select(c => new ListEntry(c.Usage, c.Summary)).ToList()));
        }

        blocks.Add(new TextBlock("In a group, only its admins can change subscriptions, quiet hours and the time zone. /help <command> shows examples.", TextStyle.Hint));
        return new Reply { Blocks = blocks };
    }

    private static Reply Details(string name)
    {
        var command = CommandCatalog.Find(name.Split(' ', 2)[0]);
        if (command is null)
        {
            var suggestion = Suggestions.Closest(name, CommandCatalog.All.Select(c => c.Name));
            var hint = suggestion is null ? string.Empty : $" Did you mean /help {suggestion}?";
            return Reply.Problem($"There is no command /{(name.Length <= 32 ? name : name[..32] + "…")}.{hint} /help lists them all.");
        }

        var blocks = new List<ReplyBlock>
        {
            new TextBlock(command.Usage, TextStyle.Heading),
            new TextBlock(command.Summary + "."),
        };
        if (command.Arguments.Count > 0)
        {
            blocks.Add(new EntryListBlock(command.Arguments
                .Select(a => new ListEntry(a.Required ? $"<{a.Name}>" : $"[{a.Name}]", a.Description))
                .ToList()));
        }

        blocks.Add(new TextBlock("Examples:", TextStyle.Hint));
        blocks.Add(new EntryListBlock(command.Examples.Select(e => new ListEntry(e)).ToList()));
        if (command.Audience == CommandAudience.ChatAdmins)
        {
            blocks.Add(new TextBlock("In groups and servers, only the chat's admins can use this.", TextStyle.Hint));
        }

        return new Reply { Blocks = blocks };
    }
}
