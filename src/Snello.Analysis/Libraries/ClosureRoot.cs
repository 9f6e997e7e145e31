namespace Snello.Analysis.Libraries;

/// <summary>A file a library closure starts from: a program, or a library a runtime opens with dlopen.</summary>
/// <param name="Path">An absolute path inside the root; symlinks in it are followed.</param>
/// <param name="Reason">Why it is in the closure, for a person: "entrypoint".</param>
public sealed record ClosureRoot(string Path, string Reason);
