using System.CommandLine;
using NewsBot.Cli;

// Stop signals are the host's to handle: it stops taking work and lets sends on their way
// finish (NewsBotHost.ShutdownTimeout). The command line's own handler would end the process
// two seconds after SIGTERM, cutting them off.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
return await NewsBotCommandLine.Build().Parse(args).InvokeAsync(invocation).ConfigureAwait(false);
