using System.CommandLine;

namespace NewsBot.Cli;

/// <summary>The verbs: <c>run</c> (the default), <c>chat</c>, <c>feeds</c>, <c>backup</c>, <c>restore</c> and <c>storage copy</c>.</summary>
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
        chat.SetAction((_, ct) => ChatVerb.RunAsync(builder: null, ct));

        var target = new Argument<string>("url-or-file") { Description = "An http(s) URL or a path to a feed file" };
        var json = new Option<bool>("--json") { Description = "One JSON object per item per line (problems go to standard error)" };
        var check = new Command("check", "Fetch and parse one feed, then print its normalised items and any problems found") { target, json };
        check.SetAction((result, ct) => FeedsCheckVerb.RunAsync(result.GetValue(target)!, result.GetValue(json), ct));

        var opml = new Argument<string>("file.opml") { Description = "An OPML file, as exported by most feed readers" };
        var import = new Command("import", "Check every feed in an OPML file and add the good ones as sources (the bot must not be running)") { opml };
        import.SetAction((result, ct) => FeedsImportVerb.RunAsync(result.GetValue(opml)!, ct));

        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var export = new Command("export", "Write every source as OPML (the bot must not be running)") { output };
        export.SetAction((result, ct) => FeedsExportVerb.RunAsync(result.GetValue(output), ct));

        var feeds = new Command("feeds", "Work with feeds") { check, import, export };

        var backupOutput = new Option<string?>("--output", "-o") { Description = "Write the copy to this file (default: a dated file in Storage:BackupDirectory)" };
        var backup = new Command("backup", "Write a checked copy of the LiteDB database (the bot must not be running; a running bot takes its own scheduled backups; on PostgreSQL use pg_dump)") { backupOutput };
        backup.SetAction((result, _) => BackupVerb.RunAsync(result.GetValue(backupOutput), Console.Out, Console.Error));

        var restoreFile = new Argument<string>("file") { Description = "A backup written by NewsBot (newsbot-YYYYMMDD-HHMMSS.db)" };
        var restore = new Command("restore", "Check a backup and put it in place of the LiteDB database, keeping the current one aside (the bot must not be running; on PostgreSQL use pg_restore)") { restoreFile };
        restore.SetAction((result, _) => RestoreVerb.RunAsync(result.GetValue(restoreFile)!, Console.Out, Console.Error));

        var toPostgres = new Option<string?>(NewsBot.Storage.Copy.CopyTarget.Option) { Description = "The connection string of an empty PostgreSQL database, like \"Host=db.example;Database=newsbot;Username=newsbot;Password=…\"" };
        var copy = new Command("copy", "Copy the LiteDB database into an empty PostgreSQL database, with every article, source, chat, subscription, bookmark and outbox entry (the bot must not be running)") { toPostgres };
        copy.SetAction((result, ct) => StorageCopyVerb.RunAsync(result.GetValue(toPostgres), Console.Out, Console.Error, interactive: null, ct));
        var storage = new Command("storage", "Move an installation between databases") { copy };

        root.Subcommands.Add(run);
        root.Subcommands.Add(chat);
        root.Subcommands.Add(feeds);
        root.Subcommands.Add(backup);
        root.Subcommands.Add(restore);
        root.Subcommands.Add(storage);
        return root;
    }
}
