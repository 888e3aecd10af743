using System.CommandLine;

namespace NewsBot.Cli;

/// <summary>The verbs: <c>run</c> (the default), <c>chat</c> and <c>feeds check</c>.</summary>
internal static class NewsBotCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "NewsBot: news in chat. Reads RSS, Atom and JSON feeds and answers on Telegram, Discord and in this terminal.\n" +
            "With no verb it runs the service; with no platform token configured that is the terminal chat.");

        var run = new Command("run", "Run the service with every configured platform (the default). With no Telegram or Discord token it runs the terminal chat.");
        run.SetAction((_, ct) => RunVerb.RunAsync(ct));
        root.SetAction((_, ct) => RunVerb.RunAsync(ct));

        var chat = new Command("chat", "Chat with the bot in this terminal. With piped input: one command per line, each answer printed, exit at end of input.");
        chat.SetAction((_, ct) => ChatVerb.RunAsync(ct));

        var target = new Argument<string>("url-or-file") { Description = "An http(s) URL or a path to a feed file" };
        var json = new Option<bool>("--json") { Description = "One JSON object per item per line (problems go to standard error)" };
        var check = new Command("check", "Fetch and parse one feed, then print its normalised items and any problems found") { target, json };
        check.SetAction((result, ct) => FeedsCheckVerb.RunAsync(result.GetValue(target)!, result.GetValue(json), ct));

        var feeds = new Command("feeds", "Work with feeds") { check };

        root.Subcommands.Add(run);
        root.Subcommands.Add(chat);
        root.Subcommands.Add(feeds);
        return root;
    }
}
