namespace NewsBot.Core.Commands;

public interface ICommandHandler
{
    CommandInfo Command { get; }

    ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);
}
