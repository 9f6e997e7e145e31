using System.Text;

namespace Snello.Dockerfiles.Syntax;

/// <summary>
/// One instruction's text after continuation lines are joined, with a map from each offset back
/// to the physical line and column it came from.
/// </summary>
internal sealed class LogicalLine
{
    private readonly StringBuilder _text = new();
    private readonly List<(int Offset, int Line, int Column)> _segments = [];

    public int Length => _text.Length;

    public void Append(string text, int line, int column)
    {
        _segments.Add((_text.Length, line, column));
        _text.Append(text);
    }

    public override string ToString() => _text.ToString();

    public SourcePosition PositionAt(int offset)
    {
        var segment = _segments[0];
        foreach (var candidate in _segments)
        {
            if (candidate.Offset > offset)
            {
                break;
            }

            segment = candidate;
        }

        return new SourcePosition(segment.Line, segment.Column + offset - segment.Offset);
    }
}
