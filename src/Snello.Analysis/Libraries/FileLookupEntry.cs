namespace Snello.Analysis.Libraries;

/// <summary>One path's kind and, for a symlink, its target exactly as written.</summary>
/// <param name="Kind">What the path names.</param>
/// <param name="LinkTarget">The symlink's target, or null for every other kind.</param>
public sealed record FileLookupEntry(FileLookupKind Kind, string? LinkTarget = null);
