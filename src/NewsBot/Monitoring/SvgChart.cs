using System.Text.Encodings.Web;

namespace NewsBot.Monitoring;

/// <summary>Small charts drawn as inline SVG, so the page needs nothing from elsewhere.</summary>
internal static class SvgChart
{
    private const int Width = 360;
    private const int Height = 90;
    private const int Pad = 4;

    /// <summary>A line through the values, oldest on the left, scaled to the largest; a flat base line when there is only one.</summary>
    public static string Line(string name, string title, IReadOnlyList<int> values) => Draw(name, title, values, bars: false);

    /// <summary>One bar per value, oldest on the left.</summary>
    public static string Bars(string name, string title, IReadOnlyList<int> values) => Draw(name, title, values, bars: true);

    private static string Draw(string name, string title, IReadOnlyList<int> values, bool bars)
    {
        var max = Math.Max(1, values.Count == 0 ? 0 : values.Max());
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" data-chart=\"{name}\" data-points=\"{values.Count}\" data-max=\"{max}\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\">");
        svg.Append("<title>").Append(HtmlEncoder.Default.Encode(title)).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Pad}\" y1=\"{Height - Pad}\" x2=\"{Width - Pad}\" y2=\"{Height - Pad}\"/>");
        if (values.Count > 0)
        {
            var step = (Width - (2.0 * Pad)) / Math.Max(1, values.Count - (bars ? 0 : 1));
            double Y(int value) => Height - Pad - ((Height - (2.0 * Pad)) * value / max);
            if (bars)
            {
                for (var i = 0; i < values.Count; i++)
                {
                    var top = Y(values[i]);
                    svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{Pad + (i * step):0.##}\" y=\"{top:0.##}\" width=\"{Math.Max(1, step - 1):0.##}\" height=\"{Math.Max(0, Height - Pad - top):0.##}\"><title>{values[i]}</title></rect>");
                }
            }
            else
            {
                var points = values.Count == 1
                    ? string.Create(CultureInfo.InvariantCulture, $"{Pad},{Y(values[0]):0.##} {Width - Pad},{Y(values[0]):0.##}")
                    : string.Join(' ', values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{Pad + (i * step):0.##},{Y(v):0.##}")));
                svg.Append("<polyline class=\"line\" points=\"").Append(points).Append("\"/>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
