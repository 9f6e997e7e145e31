namespace Snello.Cli.Rendering;

/// <summary>Rows printed as left-aligned columns separated by two spaces; numbers right-aligned when asked.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly HashSet<int> _rightAligned = [];

    public Table AlignRight(params int[] columns)
    {
        foreach (var c in columns)
        {
            _rightAligned.Add(c);
        }

        return this;
    }

    public void Add(params string[] cells) => _rows.Add(cells);

    public int Count => _rows.Count;

    public void Write(TextWriter output, bool showHeaders = true)
    {
        var all = showHeaders && headers.Length > 0 ? _rows.Prepend(headers).ToList() : _rows;
        var columns = all.Count == 0 ? 0 : all.Max(r => r.Length);
        var widths = Enumerable.Range(0, columns)
            .Select(c => all.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, c) => c == row.Length - 1 && !_rightAligned.Contains(c)
                ? cell
                : _rightAligned.Contains(c) ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
