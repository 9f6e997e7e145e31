namespace Snello.Debian.Archive;

/// <summary>One suite of a Debian archive: where it is, which components to read and who may sign it.</summary>
/// <param name="Uri">The archive root, such as <c>http://mirror.example/debian</c> (the folder holding
/// <c>dists/</c> and <c>pool/</c>).</param>
/// <param name="Suite">The suite or codename under <c>dists/</c>: <c>bookworm</c>, <c>bookworm-security</c>.</param>
/// <param name="Components">The components to read, such as <c>main</c>.</param>
/// <param name="Keyring">The keys that may sign the suite's InRelease.</param>
/// <param name="Name">A short name for messages and lock files, such as <c>bookworm-security</c>.</param>
public sealed record DebianRepository(
    Uri Uri, string Suite, IReadOnlyList<string> Components, ArchiveKeyring Keyring, string Name)
{
    /// <summary>The archive root with a trailing slash, so relative paths resolve below it.</summary>
    internal Uri Root => Uri.AbsoluteUri.EndsWith('/') ? Uri : new Uri(Uri.AbsoluteUri + "/");

    /// <summary>The URL of a file below the archive root.</summary>
    /// <param name="path">A path such as <c>dists/bookworm/InRelease</c> or <c>pool/main/b/...deb</c>.</param>
    /// <returns>The absolute URL.</returns>
    internal Uri Resolve(string path) => new(Root, path);

    /// <summary>The repository as its name, suite and URI.</summary>
    /// <returns>Such as <c>bookworm-security (http://mirror.example/debian-security bookworm-security)</c>.</returns>
    public override string ToString() => $"{Name} ({Uri} {Suite})";
}
