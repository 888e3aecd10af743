using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace NewsBot.Tests.Feeds;

public sealed class HtmlToTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain text", "plain text")]
    [InlineData("  spaced   out \t text  ", "spaced out text")]
    [InlineData("<p>First <b>bold</b> &amp; <a href=\"x\">link</a><br/>line2</p><script>alert(1)</script><p>5 &lt; 6 &nbsp; caf&eacute; &#8212; end</p>", "First bold & link\nline2\n5 < 6 café — end")]
    [InlineData("<p>Unclosed <b>bold <i>mixed</p> tail &unknown;", "Unclosed bold mixed\ntail &unknown;")]
    [InlineData("<div><p>never closed", "never closed")]
    [InlineData("<b>a</i></b></div>b", "ab")]
    [InlineData("Rocket &#x1F680; launch", "Rocket 🚀 launch")]
    [InlineData("&#128640;&#x1f680;", "🚀🚀")]
    [InlineData("<p>Привет, <b>мир</b>!</p>", "Привет, мир!")]
    [InlineData("Ёжик &mdash; в тумане", "Ёжик — в тумане")]
    [InlineData("<style>p { color: red }</style><p>shown</p><script type=\"text/javascript\">var x = '<p>no</p>';</script>", "shown")]
    [InlineData("<noscript>enable js</noscript><iframe src=\"x\">frame</iframe><object>obj</object><svg><text>svg</text></svg><template><p>tpl</p></template>ok", "svg ok")]
    [InlineData("<ul><li>one</li><li>two</li></ul>", "• one\n• two")]
    [InlineData("<ol><li>first<li>second</ol>", "• first\n• second")]
    [InlineData("line1<br>line2<br/><br/><br/><br/>line3", "line1\nline2\n\nline3")]
    [InlineData("<p>a</p>\n\n\n<p>b</p>", "a\nb")]
    [InlineData("<h1>Title</h1><p>Body</p>", "Title\nBody")]
    [InlineData("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc")]
    [InlineData("<pre>code\n  indented</pre>", "code\nindented")]
    [InlineData("a&nbsp;&nbsp;b\u00A0c", "a b c")]
    [InlineData("<!-- comment -->visible", "visible")]
    [InlineData("Tom &amp;amp; Jerry", "Tom &amp; Jerry")]
    [InlineData("5 < 6 and 7 > 3", "5 < 6 and 7 > 3")]
    [InlineData("<p>bell\u0007 and\u0000 null\u001b</p>", "bell and null")]
    [InlineData("tab\tseparated\r\nwindows\rlines", "tab separated\nwindows\nlines")]
    [InlineData("<", "<")]
    [InlineData("<<>>", "<<>>")]
    [InlineData("</p>", "")]
    [InlineData("<img src=\"x.png\" alt=\"pic\">", "")]
    [InlineData("<html><head><title>Page</title></head><body>Body</body></html>", "Body")]
    public void Read_Html_ReturnsPlainText(string? html, string expected)
    {
        Assert.Equal(expected, Text(html));
    }

    [Fact(Timeout = 60_000)]
    public async Task Read_FortyThousandNestedDivs_StopsAtTheDepthLimitAndKeepsTheTextBefore()
    {
        var html = "before " + string.Concat(Enumerable.Repeat("<div>", 40_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 40_000)) + " after";

        var result = await Task.Run(() => HtmlToText.Read(html, HtmlToText.MaxContentLength));

        Assert.True(result.TooDeep);
        Assert.Equal("before", result.Text);
    }

    [Fact(Timeout = 60_000)]
    public async Task Read_HalfAMillionUnclosedBoldTags_StopsAtTheDepthLimit()
    {
        var html = "lead " + string.Concat(Enumerable.Repeat("<b>x", 500_000));

        var result = await Task.Run(() => HtmlToText.Read(html, HtmlToText.MaxContentLength));

        Assert.True(result.TooDeep);
        Assert.True(result.Cut || result.Text.Length <= HtmlToText.MaxDepth + 10);
        Assert.StartsWith("lead x", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NestingJustBelowTheLimit_KeepsAllText()
    {
        var depth = HtmlToText.MaxDepth - 1;
        var html = string.Concat(Enumerable.Repeat("<span>", depth)) + "inside" + string.Concat(Enumerable.Repeat("</span>", depth)) + " outside";

        var result = HtmlToText.Read(html, HtmlToText.MaxContentLength);

        Assert.False(result.TooDeep);
        Assert.Equal("inside outside", result.Text);
    }

    [Fact]
    public void Read_ManySiblingParagraphsAndListItems_NeverCountAsNesting()
    {
        var html = string.Concat(Enumerable.Repeat("<p>para", 2_000)) + "<ul>" + string.Concat(Enumerable.Repeat("<li>item", 2_000)) + "</ul>end";

        var result = HtmlToText.Read(html, 100_000);

        Assert.False(result.TooDeep);
        Assert.EndsWith("• item\nend", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreInputThanAnyFieldNeeds_IsCutAtMaxInputLength()
    {
        var html = "<p>" + new string('a', HtmlToText.MaxInputLength) + "</p><p>never read</p>";

        var result = HtmlToText.Read(html, int.MaxValue - 1);

        Assert.True(result.Cut);
        Assert.DoesNotContain("never read", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextLongerThanNeeded_StopsReadingAndSaysItWasCut()
    {
        var html = string.Concat(Enumerable.Repeat("<p>word word word</p>", 10_000));

        var result = HtmlToText.Read(html, HtmlToText.MaxSummaryLength);

        Assert.True(result.Cut);
        Assert.InRange(result.Text.Length, HtmlToText.MaxSummaryLength + 1, HtmlToText.MaxSummaryLength + 20);
    }

    [Theory]
    [InlineData("safe<iframe src=\"https://video.example/embed\"></iframe> description", "safe description")]
    [InlineData("before<script>document.write('<p>x</p>')</script> after", "before after")]
    [InlineData("a<style>p{color:red}</style> b", "a b")]
    [InlineData("a<noscript><p>enable js</p></noscript> b", "a b")]
    [InlineData("a<template><p>hidden</p></template> b", "a b")]
    [InlineData("a<object data=\"x.swf\"><param name=\"m\" value=\"1\"><p>Get Flash</p></object> b", "a b")]
    [InlineData("a<applet code=\"x\">Java needed</applet> b", "a b")]
    [InlineData("a<embed src=\"x.swf\"> b", "a b")]
    [InlineData("a<video src=\"v.mp4\">Your browser cannot play this</video> b", "a b")]
    [InlineData("a<!-- <p>secret</p> --> b", "a b")]
    [InlineData("a<!--> b", "a b")]
    [InlineData("a <p onclick=\"alert('x')\" onmouseover=\"steal()\">b</p>", "a\nb")]
    [InlineData("<math><mi>x</mi><mo>=</mo><mn>2</mn></math> holds", "x=2 holds")]
    [InlineData("<svg><title>tooltip</title><text>Label</text></svg>", "Label")]
    [InlineData("<ul><li></li><li>kept</li><li> </li></ul>", "• kept")]
    [InlineData("<ol><li>one<li>two<li>three</ol>", "• one\n• two\n• three")]
    [InlineData("<!DOCTYPE html><p>doc</p>", "doc")]
    [InlineData("<?php echo 1; ?>text", "text")]
    [InlineData("caf&eacute; &hearts; &check; &copy 2026", "café ♥ ✓ © 2026")]
    [InlineData("&#150; dash &#x80;", "– dash €")]
    [InlineData("x<xhtml:p>namespaced</xhtml:p>y", "x\nnamespaced\ny")]
    public void Read_InvisibleContent_IsNeverText(string html, string expected)
    {
        Assert.Equal(expected, Text(html));
    }

    [Fact]
    public void Read_ImageInsideHiddenFallback_IsNotTaken()
    {
        var (text, image, _, _) = HtmlToText.Read("<noscript><img src=\"https://a.example/hidden.jpg\"></noscript><img src=\"https://a.example/pixel.gif\" width=\"1\" height=\"1\"><img src=\"https://a.example/real.jpg?a=1&amp;b=2\">", HtmlToText.MaxContentLength);

        Assert.Equal("", text);
        Assert.Equal("https://a.example/real.jpg?a=1&b=2", image);
    }

    [Fact]
    public void CleanText_MarkupLikeText_IsLeftAlone()
    {
        Assert.Equal("use <br> &amp; more", HtmlToText.CleanText("  use <br>   &amp; more\u0001 "));
    }

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly10!", 10, "exactly10!")]
    [InlineData("The quick brown fox jumps", 12, "The quick…")]
    [InlineData("Supercalifragilistic", 8, "Superca…")]
    [InlineData("one, two, three", 10, "one, two…")]
    [InlineData("abc", 1, "…")]
    [InlineData("abc", 0, "")]
    public void Truncate_Text_CutsAtWordBoundaryWithEllipsis(string text, int max, string expected)
    {
        Assert.Equal(expected, HtmlToText.Truncate(text, max));
    }

    [Fact]
    public void Truncate_SurrogatePairAtCut_IsNotSplit()
    {
        var result = HtmlToText.Truncate("ab🚀🚀🚀", 4);

        Assert.Equal("ab…", result);
    }

    [Property(MaxTest = 300)]
    public bool Read_AnyString_NeverThrowsAndHasNoControlCharactersButNewline(string? input) =>
        IsClean(Text(input));

    [Property(MaxTest = 300, Arbitrary = [typeof(HtmlFragments)])]
    public bool Read_HtmlLikeString_NeverThrowsAndHasNoControlCharactersButNewline(string input) =>
        IsClean(Text(input));

    [Property(MaxTest = 300)]
    public bool Truncate_AnyString_StaysWithinLimit(NonNull<string> text, byte max) =>
        HtmlToText.Truncate(text.Get, max).Length <= max;

    /// <summary>The text of an HTML fragment, read as long as the bot reads an article's body.</summary>
    private static string Text(string? html) => HtmlToText.Read(html, HtmlToText.MaxContentLength).Text;

    private static bool IsClean(string text) =>
        !text.Any(c => char.IsControl(c) && c != '\n')
        && !text.Contains("\n\n\n", StringComparison.Ordinal)
        && text == text.Trim();

    /// <summary>Strings built from tags, entities, control characters and text in several scripts.</summary>
    public static class HtmlFragments
    {
        private static readonly string[] Pieces =
        [
            "<p>", "</p>", "<b>", "</i>", "<br>", "<br/>", "<li>", "<ul>", "</ul>", "<div", ">", "<", "&", "&amp;", "&unknown;",
            "&#x1F680;", "&#0;", "&#xD800;", "&#1114112;", "&nbsp;", "<script>", "</script>", "<style>", "x{}", "<pre>", "</pre>",
            "<!--", "-->", "<![CDATA[", "]]>", "<svg>", "<table><tr><td>", "text", "Привет", "日本語", "🚀", " ", "\n", "\r", "\t",
            "\u0000", "\u0001", "\u000B", "\u001F", "\u007F", "\u0085", "\u00A0", "\u2028", "\uD800", "\uDC00", "\uFEFF", "\"", "'",
            "<a href=\"", "\">", "<img src=x>", "<title>", "<html>", "<body>", "<template>", "<noscript>",
        ];

        public static Arbitrary<string> Strings() =>
            Gen.ListOf(Gen.Elements(Pieces)).Select(string.Concat).ToArbitrary();
    }
}
