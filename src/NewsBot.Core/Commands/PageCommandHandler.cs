namespace NewsBot.Core.Commands;

/// <summary>
/// A command whose one argument is a page of its list, such as <c>/latest 2</c>: the page number
/// is read here, with the answer for a bad one, so each command handles only a page to show. The
/// Prev / More buttons carry the same command with the next page.
/// </summary>
public abstract class PageCommandHandler : ICommandHandler
{
    public abstract CommandInfo Command { get; }

    /// <summary>True when every answer, a bad page number's too, is for the person who asked alone.</summary>
    protected virtual bool IsPersonal => false;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Paging.TryRead(request.Arguments, PageCommand(2), request.Texts, out var page, out var problem)
            ? HandleAsync(request, page, cancellationToken)
            : ValueTask.FromResult(Reply.Problem(problem!) with { IsPersonal = IsPersonal });
    }

    /// <summary>The command line that shows <paramref name="page"/>, e.g. <c>/latest 2</c>.</summary>
    protected string PageCommand(int page) => $"/{Command.Name} {page.ToString(CultureInfo.InvariantCulture)}";

    protected abstract ValueTask<Reply> HandleAsync(CommandRequest request, int page, CancellationToken cancellationToken);
}
