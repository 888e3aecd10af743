namespace NewsBot.Core.Commands;

/// <summary>
/// Who may use admin commands: the people in <c>NewsBot:Admins</c>, and whoever sits at the
/// terminal, since they already control the process.
/// </summary>
public sealed class AdminList(IOptions<NewsBotOptions> options)
{
    private readonly HashSet<string> _admins = new(
        options.Value.Admins.Select(a => a.Trim()).Where(a => a.Length > 0),
        StringComparer.OrdinalIgnoreCase);

    public bool IsAdmin(UserAddress user) =>
        user.Platform == PlatformNames.Terminal || _admins.Contains(user.Key);
}
