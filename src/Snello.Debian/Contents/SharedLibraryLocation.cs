namespace Snello.Debian.Contents;

/// <summary>One shared library file of a Contents index and the packages that ship it.</summary>
/// <param name="Path">The absolute path, such as <c>/usr/lib/x86_64-linux-gnu/libssl.so.3</c>.</param>
/// <param name="Packages">The binary package names, without area or section.</param>
public sealed record SharedLibraryLocation(string Path, IReadOnlyList<string> Packages);
