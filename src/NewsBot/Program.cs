using NewsBot.Cli;

return await NewsBotCommandLine.Build().Parse(args).InvokeAsync().ConfigureAwait(false);
