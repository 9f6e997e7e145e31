namespace Snello.Analysis.Libraries;

/// <summary>A needed library no directory of the search path holds.</summary>
/// <param name="Name">The DT_NEEDED name (or the interpreter path).</param>
/// <param name="NeededBy">The canonical path of the file that needs it.</param>
/// <param name="Searched">The directories searched, in order.</param>
public sealed record UnresolvedLibrary(string Name, string NeededBy, IReadOnlyList<string> Searched);
