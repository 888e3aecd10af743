namespace NewsBot.Core.Commands;

/// <summary>
/// The preview /subscribe answers with before it subscribes anything: what the last
/// <see cref="Window"/> would have brought, the newest of it, a warning when that is a lot, and
/// Subscribe / Cancel buttons (typed: <c>/subscribe confirm &lt;n&gt;</c>).
/// </summary>
public static class SubscriptionPreviewReply
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>The newest matches shown.</summary>
    public const int Shown = 3;

    /// <summary>More than this many a day on average is a lot for one chat: the preview says so.</summary>
    public const int BusyPerDay = 50;

    /// <param name="namedChat">The word naming the chat when the preview is about another chat than the one asked in (<see cref="CommandRequest.NamedChat"/>).</param>
    public static Reply Build(PendingSubscription pending, Subscription described, int total, IReadOnlyList<Article> newest, Texts t, string? namedChat = null)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(newest);
        ArgumentNullException.ThrowIfNull(t);
        var id = pending.Id.ToString(CultureInfo.InvariantCulture);
        var blocks = new List<ReplyBlock>
        {
            new TextBlock(t.Get("subscribe.preview.heading", ("subscription", SubscriptionText.Describe(described, t))), TextStyle.Heading),
            new TextBlock(total == 0 ? t.Get("subscribe.preview.none") : t.Count("subscribe.preview.count", total)),
        };
        if (newest.Count > 0)
        {
            blocks.Add(ArticleViews.ListOf(newest));
        }

        var perDay = total / Window.TotalDays;
        if (perDay > BusyPerDay)
        {
            blocks.Add(new TextBlock(t.Get("subscribe.preview.busy", ("perDay", t.Number((long)Math.Round(perDay))), ("max", BusyPerDay))));
        }

        blocks.Add(new TextBlock(t.Get("subscribe.preview.confirmHint", ("command", namedChat is null ? ConfirmCommand(pending.Id) : $"/subscribe {namedChat} confirm {id}"), ("minutes", (int)SubscriptionPreviews.Lifetime.TotalMinutes)), TextStyle.Hint));
        return new Reply
        {
            Blocks = blocks,
            Buttons =
            [
                ReplyButton.ForCommand(t.Get("button.subscribe"), ConfirmCommand(pending.Id), ButtonKind.Confirm),
                ReplyButton.ForCommand(t.Get("button.cancel"), "/subscribe cancel " + id, ButtonKind.Confirm),
            ],
            SuppressLinkPreview = true,
        };
    }

    public static string ConfirmCommand(int id) => "/subscribe confirm " + id.ToString(CultureInfo.InvariantCulture);
}
