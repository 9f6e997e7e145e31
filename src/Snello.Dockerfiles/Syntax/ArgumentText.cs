namespace Snello.Dockerfiles.Syntax;

/// <summary>An instruction's argument text with the offset where it sits in its logical line.</summary>
internal readonly record struct ArgumentText(string Text, int Offset, LogicalLine Line, char EscapeToken)
{
    public SyntaxNode Node(string value, int index) => new(value, Line.PositionAt(Offset + index));

    public ArgumentText Slice(int start) => this with { Text = Text[start..], Offset = Offset + start };
}
