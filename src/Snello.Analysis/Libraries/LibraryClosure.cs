namespace Snello.Analysis.Libraries;

/// <summary>What loading some programs needs: every file with its reason, and what could not be found.</summary>
/// <param name="Files">The needed files in the order found, each once (its first reason kept).</param>
/// <param name="Unresolved">Needed libraries and interpreters no search found.</param>
/// <param name="Problems">Files read along the way whose ELF headers are broken, with the reader's message.</param>
public sealed record LibraryClosure(IReadOnlyList<NeededFile> Files, IReadOnlyList<UnresolvedLibrary> Unresolved,
    IReadOnlyList<string> Problems);
