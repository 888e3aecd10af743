using System.Text.Encodings.Web;

namespace NewsBot.Feeds;

/// <summary>
/// The logic of <c>newsbot feeds check &lt;url-or-file&gt; [--json]</c>: fetch and parse one feed
/// and show what NewsBot makes of it, so that someone adding a feed sees its problems first.
/// An operators' tool: it speaks English, as the log does.
/// </summary>
internal sealed class FeedCheck(FeedFetcher fetcher, FeedParser parser)
{
    private const int SummaryPreviewLength = 200;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // The lines are read in terminals and by scripts, not embedded in HTML: keep non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Runs the check. Human-readable mode writes everything to <paramref name="output"/>; JSON mode
    /// writes one object per item to <paramref name="output"/> and problems to <paramref name="errors"/>.
    /// </summary>
    /// <returns>0 when a feed was read, 1 when it could not be fetched or is not a feed.</returns>
    public async Task<int> RunAsync(string target, bool json, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var diagnostics = json ? errors : output;

        var fetched = await fetcher.FetchAsync(target, FetchConditions.None, cancellationToken).ConfigureAwait(false);
        if (fetched is not FetchResult.Success success)
        {
            var reason = fetched is FetchResult.Failure failure
                ? StoredText.InEnglish(failure.Reason)
                : "the server answered 304 Not Modified to a request that asked for the full feed";
            await diagnostics.WriteLineAsync($"Could not fetch {target}: {reason}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return 1;
        }

        var document = parser.Parse(success.Content, success.Charset, success.FinalUrl);
        if (json)
        {
            await WriteJsonAsync(document, output, cancellationToken).ConfigureAwait(false);
            foreach (var problem in document.Problems)
            {
                await errors.WriteLineAsync($"problem: {StoredText.InEnglish(problem)}".AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await output.WriteAsync(Describe(target, document).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        return document.IsFeed ? 0 : 1;
    }

    private static string Describe(string target, FeedDocument document)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine($"Feed:    {target}");
        if (document.IsFeed)
        {
            text.WriteLine($"Format:  {document.Format}");
            text.WriteLine($"Title:   {(document.Title.Length == 0 ? "(none)" : document.Title)}");
            if (document.SiteLink is not null)
            {
                text.WriteLine($"Site:    {document.SiteLink}");
            }

            text.WriteLine($"Items:   {document.Entries.Count}");
            for (var i = 0; i < document.Entries.Count; i++)
            {
                text.WriteLine();
                WriteEntry(text, i + 1, document.Items[i]);
            }
        }
        else
        {
            text.WriteLine("This is not a feed.");
        }

        text.WriteLine();
        if (document.Problems.Count == 0)
        {
            text.WriteLine("No problems found.");
        }
        else
        {
            text.WriteLine("Problems:");
            foreach (var problem in document.Problems)
            {
                text.WriteLine($"  - {StoredText.InEnglish(problem)}");
            }
        }

        return text.ToString();
    }

    private static void WriteEntry(StringWriter text, int number, ParsedItem item)
    {
        var entry = item.Entry;
        text.WriteLine($"{number}. {entry.Title}");
        text.WriteLine($"   Published:  {(entry.Published is { } published ? FormatHuman(published) : "no date")}");
        if (entry.Updated is { } updated)
        {
            text.WriteLine($"   Updated:    {FormatHuman(updated)}");
        }

        text.WriteLine($"   Link:       {entry.Link ?? "no link"}");
        if (entry.Author is not null)
        {
            text.WriteLine($"   Author:     {entry.Author}");
        }

        if (entry.Categories.Count > 0)
        {
            text.WriteLine($"   Categories: {string.Join(", ", entry.Categories)}");
        }

        if (entry.ImageUrl is not null)
        {
            text.WriteLine($"   Image:      {entry.ImageUrl}");
        }

        if (entry.Summary.Length > 0)
        {
            text.WriteLine($"   Summary:    {HtmlToText.Truncate(entry.Summary.Replace('\n', ' '), SummaryPreviewLength)}");
        }

        if (item.Content.Length > 0)
        {
            text.WriteLine($"   Content:    {item.Content.Length} characters of full text");
        }

        foreach (var enclosure in item.Enclosures)
        {
            var details = string.Join(", ", new[] { enclosure.Type, enclosure.Length is { } bytes ? FeedFetcher.DescribeSize(bytes) : null }.Where(d => d is not null));
            text.WriteLine($"   Enclosure:  {enclosure.Url}{(details.Length > 0 ? $" ({details})" : "")}");
        }
    }

    private static async Task WriteJsonAsync(FeedDocument document, TextWriter output, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        foreach (var item in document.Items)
        {
            var entry = item.Entry;
            buffer.SetLength(0);
            using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
            {
                // The parser's own reading: no display fallbacks for titles or dates.
                writer.WriteStartObject();
                writer.WriteString("title", item.OwnTitle);
                writer.WriteString("link", entry.Link);
                writer.WriteString("id", entry.Id);
                writer.WriteString("published", FormatIso(item.OwnPublished));
                writer.WriteString("updated", FormatIso(item.OwnUpdated));
                writer.WriteString("author", entry.Author);
                writer.WriteString("summary", entry.Summary);
                writer.WriteString("content", item.Content);
                writer.WriteStartArray("categories");
                foreach (var category in entry.Categories)
                {
                    writer.WriteStringValue(category);
                }

                writer.WriteEndArray();
                writer.WriteString("image", entry.ImageUrl);
                writer.WriteStartArray("enclosures");
                foreach (var enclosure in item.Enclosures)
                {
                    writer.WriteStartObject();
                    writer.WriteString("url", enclosure.Url);
                    writer.WriteString("type", enclosure.Type);
                    if (enclosure.Length is { } length)
                    {
                        writer.WriteNumber("length", length);
                    }
                    else
                    {
                        writer.WriteNull("length");
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            var line = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string FormatHuman(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string? FormatIso(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
