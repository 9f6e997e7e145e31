namespace Snello.Build.Closure;

/// <summary>A package the spec's own files need for a shared library, and why.</summary>
/// <param name="Package">The Debian package that ships the library.</param>
/// <param name="Reason">Such as <c>libssl.so.3 for /app/server (DT_NEEDED)</c>.</param>
public sealed record LibraryNeed(string Package, string Reason);
