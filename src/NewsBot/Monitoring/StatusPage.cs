using System.Text.Encodings.Web;

namespace NewsBot.Monitoring;

/// <summary>
/// The status page: one HTML document with its style inline and its charts as SVG, so it needs
/// no script and nothing from another address. It reloads itself every <see cref="RefreshSeconds"/>.
/// Numbers carry <c>data-field</c> names, so a test (or a script of the operator's) can read them.
/// </summary>
internal static class StatusPage
{
    public const int RefreshSeconds = 30;

    /// <summary>The status page is for operators and in English, as the log is.</summary>
    private static readonly Texts English = LanguageCatalog.Default.For(LanguageCatalog.Default.English);

    private const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1d2330}
        header{background:#1d2330;color:#fff;padding:12px 20px;display:flex;gap:16px;align-items:baseline;flex-wrap:wrap}
        header h1{font-size:18px;margin:0}
        main{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:16px;padding:16px 20px}
        section{background:#fff;border-radius:6px;padding:12px 16px;box-shadow:0 1px 2px #0002}
        section.wide{grid-column:1/-1}
        h2{font-size:15px;margin:0 0 8px}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:3px 6px;border-bottom:1px solid #e4e6eb;vertical-align:top}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        .pass{color:#13703a}.fail{color:#b3261e}.muted{color:#6b7280}
        .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;background:#e4e6eb}
        .badge.pass{background:#d8f3e2}.badge.fail{background:#fbe1df}
        .chart{display:block;margin:6px 0}.chart .axis{stroke:#c3c7cf}
        .chart .line{fill:none;stroke:#3056d3;stroke-width:2}.chart .bar{fill:#3aa36b}
        """;

    /// <summary>What the page says while the bot is still starting; it looks again shortly.</summary>
    public const string Starting =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"5\"><title>NewsBot status</title></head>" +
        "<body><p>NewsBot is starting: reading its database and its feeds. This page looks again in a few seconds.</p></body></html>";

    public static string Render(StatusSnapshot status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var ready = status.Checks.All(c => c.Result.Healthy);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"refresh\" content=\"{RefreshSeconds}\">");
        html.Append("<meta name=\"referrer\" content=\"no-referrer\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        html.Append("<title>NewsBot status</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<header><h1>NewsBot status</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<span class=\"badge {(ready ? "pass" : "fail")}\" data-field=\"ready\">{(ready ? "ready" : "not ready")}</span>");
        html.Append(CultureInfo.InvariantCulture, $"<span class=\"muted\">as of <time data-field=\"generated\" datetime=\"{status.At:O}\">{status.At:yyyy-MM-dd HH:mm:ss} UTC</time>, refreshed every {RefreshSeconds} s</span></header><main>");

        Checks(html, status);
        Outbox(html, status);
        Delivery(html, status);
        Sources(html, status);
        Announcements(html, status);
        Backup(html, status);

        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void Checks(StringBuilder html, StatusSnapshot status)
    {
        html.Append("<section id=\"platforms\"><h2>Platforms and checks</h2>");
        html.Append("<p>Platforms: ");
        html.Append(status.Platforms.Count == 0
            ? "<span data-field=\"platforms\">none (terminal chat only)</span>"
            : $"<span data-field=\"platforms\">{E(string.Join(", ", status.Platforms))}</span>");
        html.Append("</p><table><tr><th>check</th><th>state</th><th>detail</th></tr>");
        foreach (var (name, result) in status.Checks)
        {
            var state = result.Healthy ? "pass" : "fail";
            html.Append(CultureInfo.InvariantCulture, $"<tr data-check=\"{E(name)}\"><td>{E(name)}</td><td class=\"{state}\" data-field=\"check-{E(name)}\">{state}</td><td>{E(result.Detail)}</td></tr>");
        }

        html.Append("</table></section>");
    }

    private static void Outbox(StringBuilder html, StatusSnapshot status)
    {
        var total = status.PendingByKind.Values.Sum();
        html.Append("<section id=\"outbox\"><h2>Outbox</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p><strong data-field=\"outbox-pending\">{total}</strong> pending: ");
        html.Append(string.Join(", ", status.PendingByKind.Select(p => string.Create(CultureInfo.InvariantCulture, $"<span data-field=\"outbox-{E(p.Key)}\">{p.Value}</span> {E(p.Key)}"))));
        html.Append("</p>");
        var pending = status.History.Where(p => p.Pending >= 0).Select(p => p.Pending).ToList();
        html.Append(SvgChart.Line("outbox", "Pending entries, one point a minute over the last hour", pending));
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Pending entries over the last hour ({pending.Count} {(pending.Count == 1 ? "minute" : "minutes")} sampled; most {(pending.Count == 0 ? 0 : pending.Max())}).</p></section>");
    }

    private static void Delivery(StringBuilder html, StatusSnapshot status)
    {
        var sent = status.History.Select(p => p.Sent).ToList();
        html.Append("<section id=\"delivery\"><h2>Delivery</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p><strong data-field=\"sent-last-hour\">{sent.Sum()}</strong> messages accepted by the platforms in the last hour.</p>");
        html.Append(SvgChart.Bars("delivery", "Messages accepted per minute over the last hour", sent));
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Per minute; busiest minute {(sent.Count == 0 ? 0 : sent.Max())}.</p></section>");
    }

    private static void Sources(StringBuilder html, StatusSnapshot status)
    {
        var healthy = status.Sources.Count(s => s.Enabled && s.ConsecutiveFailures == 0);
        var failing = status.Sources.Count(s => s.Enabled && s.ConsecutiveFailures > 0);
        var disabled = status.Sources.Count(s => !s.Enabled);
        html.Append("<section id=\"sources\" class=\"wide\"><h2>Sources</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p><span data-field=\"sources-healthy\">{healthy}</span> healthy, <span data-field=\"sources-failing\">{failing}</span> failing, <span data-field=\"sources-disabled\">{disabled}</span> disabled.</p>");
        html.Append("<table><tr><th>#</th><th>name</th><th>state</th><th class=\"n\">articles</th><th>last read</th><th>next read</th><th>last error</th></tr>");
        foreach (var source in status.Sources)
        {
            var (state, css) = !source.Enabled ? ("disabled", "fail") : source.ConsecutiveFailures > 0 ? ($"failing ({source.ConsecutiveFailures}×)", "fail") : ("healthy", "pass");
            html.Append(CultureInfo.InvariantCulture, $"<tr data-source=\"{source.Id}\"><td>{source.Id}</td><td title=\"{E(source.Url)}\">{E(source.Name)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"{css}\">{E(state)}</td><td class=\"n\" data-field=\"articles\">{source.ItemCount}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{When(source.LastSuccessAt, status.At)}</td><td>{When(source.NextPollAt, status.At)}</td><td>{E(source.LastError is { } error ? StoredText.Render(error, English) : "")}</td></tr>");
        }

        html.Append("</table></section>");
    }

    private static void Announcements(StringBuilder html, StatusSnapshot status)
    {
        html.Append("<section id=\"announcements\" class=\"wide\"><h2>Latest announcements</h2>");
        if (status.Announcements.Count == 0)
        {
            html.Append("<p class=\"muted\">None yet.</p></section>");
            return;
        }

        html.Append("<table><tr><th>#</th><th>created</th><th>state</th><th class=\"n\">chats</th><th class=\"n\">waiting</th><th class=\"n\">sent</th><th class=\"n\">failed</th><th class=\"n\">blocked</th><th>text</th></tr>");
        foreach (var line in status.Announcements)
        {
            var a = line.Announcement;
            var text = a.Text.Length > 80 ? a.Text[..79] + "…" : a.Text;
            html.Append(CultureInfo.InvariantCulture, $"<tr data-announcement=\"{a.Id}\"><td>{a.Id}</td><td>{a.CreatedAt:yyyy-MM-dd HH:mm}</td><td>{E(a.State.ToString().ToLowerInvariant())}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{a.Recipients}</td><td class=\"n\" data-field=\"pending\">{line.Pending}</td><td class=\"n\" data-field=\"sent\">{line.Figures.Sent}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\" data-field=\"failed\">{line.Figures.Failed}</td><td class=\"n\" data-field=\"blocked\">{line.Figures.Blocked}</td><td>{E(text)}</td></tr>");
        }

        html.Append("</table></section>");
    }

    private static void Backup(StringBuilder html, StatusSnapshot status)
    {
        if (status.Backup is not { } backup)
        {
            return;
        }

        html.Append("<section id=\"backups\"><h2>Backups</h2><p>");
        html.Append(backup.NewestPath is null
            ? "No backup yet"
            : string.Create(CultureInfo.InvariantCulture, $"Newest: <span data-field=\"backup-newest\">{E(Path.GetFileName(backup.NewestPath))}</span>, {When(backup.NewestAt, status.At)}"));
        html.Append(CultureInfo.InvariantCulture, $" in {E(backup.Directory)}.</p>");
        if (backup.LastError is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"fail\">Last failure {When(backup.LastErrorAt, status.At)}: {E(backup.LastError)}</p>");
        }

        html.Append("</section>");
    }

    private static string When(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is null)
        {
            return "<span class=\"muted\">never</span>";
        }

        var span = now - at.Value;
        var words = span >= TimeSpan.Zero ? FeedsCheck.Describe(span) + " ago" : "in " + FeedsCheck.Describe(-span);
        return string.Create(CultureInfo.InvariantCulture, $"<time datetime=\"{at.Value:O}\" title=\"{at.Value:yyyy-MM-dd HH:mm:ss} UTC\">{words}</time>");
    }

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
