namespace NewsBot.Benchmarks.Reporting;

internal enum Align
{
    Left,
    Right,
}

/// <summary>A Markdown table padded into columns, so it reads well in a terminal and pastes into a README.</summary>
internal sealed class MarkdownTable
{
    private readonly (string Header, Align Align)[] _columns;
    private readonly List<string[]> _rows = [];

    public MarkdownTable(params (string Header, Align Align)[] columns)
    {
        ArgumentOutOfRangeException.ThrowIfZero(columns.Length);
        _columns = columns;
    }

    public void AddRow(params string[] cells)
    {
        if (cells.Length != _columns.Length)
        {
            throw new ArgumentException($"The table has {_columns.Length} columns; the row has {cells.Length} cells.", nameof(cells));
        }

        _rows.Add([.. cells.Select(Escape)]);
    }

    public override string ToString()
    {
        var widths = _columns
            .Select((column, i) => _rows.Select(row => row[i].Length).Append(column.Header.Length).Append(3).Max())
            .ToArray();

        var builder = new StringBuilder();
        AppendLine(builder, _columns.Select(c => c.Header).ToArray(), widths);
        builder.Append('|');
        for (var i = 0; i < _columns.Length; i++)
        {
            var dashes = new string('-', widths[i]);
            builder.Append(' ').Append(_columns[i].Align == Align.Right ? dashes[..^1] + ":" : dashes).Append(" |");
        }

        builder.Append('\n');
        foreach (var row in _rows)
        {
            AppendLine(builder, row, widths);
        }

        return builder.ToString();
    }

    private void AppendLine(StringBuilder builder, string[] cells, int[] widths)
    {
        builder.Append('|');
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = _columns[i].Align == Align.Right ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]);
            builder.Append(' ').Append(cell).Append(" |");
        }

        builder.Append('\n');
    }

    // A pipe inside a cell would start a new column.
    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
