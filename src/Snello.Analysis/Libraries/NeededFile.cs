namespace Snello.Analysis.Libraries;

/// <summary>One file a program needs at load time, and why.</summary>
/// <param name="Path">The canonical absolute path, for a symlink the link itself.</param>
/// <param name="Kind">What role the file plays.</param>
/// <param name="Reason">
/// Why it is needed, for a person: "needed by /usr/bin/curl (DT_NEEDED libcurl.so.4)".
/// </param>
public sealed record NeededFile(string Path, NeededFileKind Kind, string Reason);
