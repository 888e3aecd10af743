namespace NewsBot.Tests.Feeds;

/// <summary>Article pages as news sites build them: the story wrapped in navigation, ads, a sidebar and comments.</summary>
internal static class ArticlePages
{
    public const string StoryStart = "The harbour authority opened the new tidal barrier on Tuesday";
    public const string StoryEnd = "Engineers will inspect the gates again after the winter storms.";

    public static string Cluttered()
    {
        var paragraphs = new StringBuilder();
        paragraphs.Append("<p>").Append(StoryStart).Append(", ending a decade of planning and two years of building work along the estuary.</p>");
        for (var i = 1; i <= 8; i++)
        {
            paragraphs.Append(CultureInfo.InvariantCulture, $"<p>Paragraph {i} of the report explains how the steel gates, each as tall as a four-storey house, swing shut when the tide rises above the warning mark, and how the pumps keep the river flowing while they are closed.</p>");
        }

        paragraphs.Append("<p>").Append(StoryEnd).Append("</p>");
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Tidal barrier opens | Harbour Post</title>
            <script>window.tracking = "NAV-SCRIPT-SECRET";</script><style>.ad { color: red }</style></head>
            <body>
              <header><nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li><li><a href="/login">Log in to Harbour Post</a></li></ul></nav></header>
              <div class="ad banner" id="ad-top"><a href="https://ads.example/buy">BUY CHEAP WATCHES TODAY</a></div>
              <main>
                <article class="story">
                  <h1>Tidal barrier opens</h1>
                  <div class="byline">By A. Reporter</div>
                  {{paragraphs}}
                </article>
                <aside class="sidebar related"><h3>Most read</h3><ul><li><a href="/a">Celebrity gossip headline one</a></li><li><a href="/b">Celebrity gossip headline two</a></li></ul></aside>
              </main>
              <section id="comments" class="comments"><h3>Comments</h3><div class="comment">FIRST COMMENT: this is outrageous!!!</div><div class="comment">Second comment saying nothing.</div></section>
              <footer class="site-footer"><p>© Harbour Post. Cookie settings. Privacy.</p></footer>
            </body></html>
            """;
    }

    public static string NoStory() => """
        <!DOCTYPE html><html><head><title>Menu</title></head>
        <body><nav><a href="/">Home</a> <a href="/a">A</a></nav><footer>© Site</footer></body></html>
        """;
}
