using System.Text.RegularExpressions;

namespace Snello.Dockerfiles.Syntax;

/// <summary>The text form of a parser directive after its <c>#</c>: <c>name = value</c>.</summary>
internal static partial class DirectiveSyntax
{
    // Go's \s is [\t\n\f\r ]; .NET's would also match other white space.
    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$",
        RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();
}
