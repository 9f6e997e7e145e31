namespace Snello.Debian.Archive;

/// <summary>One line of a Release file's SHA256 table: an index file with its hash and size.</summary>
/// <param name="Path">The path below the suite's folder, such as <c>main/binary-amd64/Packages.xz</c>.</param>
/// <param name="Sha256">The SHA256, lowercase hex.</param>
/// <param name="Size">The size in bytes.</param>
public sealed record ReleaseFileEntry(string Path, string Sha256, long Size);
