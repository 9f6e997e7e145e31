namespace Snello.Debian.Archive;

/// <summary>
/// One repository of the apt configuration: a type, a URI and one suite with its components
/// (sources.list(5)). A deb822 entry with several URIs or suites gives one <see cref="AptSource"/> for
/// each combination.
/// </summary>
/// <param name="Type"><c>deb</c> for binary packages, <c>deb-src</c> for sources.</param>
/// <param name="Uri">The archive root, such as <c>http://mirror.example/debian</c>.</param>
/// <param name="Suite">
/// The suite (<c>bookworm</c>, <c>bookworm-security</c>), or an exact path ending in <c>/</c>, which has
/// no components.
/// </param>
/// <param name="Components">The components (<c>main</c>, <c>contrib</c>); empty for an exact path.</param>
/// <param name="Options">
/// The other options, by their lowercase name: <c>arch</c>, <c>trusted</c>, ... (one-line form) or
/// <c>architectures</c>, ... (deb822 form); list values stay as written.
/// </param>
/// <param name="SignedBy">
/// The keyring files or fingerprints that may sign the suite, or an ASCII-armoured key block written in
/// place (deb822 only); null when apt would accept any trusted key.
/// </param>
/// <param name="Enabled">False for a deb822 entry with <c>Enabled: no</c>.</param>
/// <param name="Origin">The file and line the entry was read from, <c>/etc/apt/sources.list:3</c>.</param>
public sealed record AptSource(
    string Type,
    Uri Uri,
    string Suite,
    IReadOnlyList<string> Components,
    IReadOnlyDictionary<string, string> Options,
    string? SignedBy,
    bool Enabled,
    string Origin)
{
    /// <summary>True for a <c>deb</c> entry (binary packages).</summary>
    public bool IsBinary => Type == "deb";

    /// <summary>True when <see cref="SignedBy"/> holds a key block rather than file names or fingerprints.</summary>
    public bool SignedByIsInlineKey =>
        SignedBy?.Contains("-----BEGIN PGP PUBLIC KEY BLOCK-----", StringComparison.Ordinal) == true;

    /// <summary>The entry in the one-line form, without its options.</summary>
    /// <returns>Such as <c>deb http://mirror.example/debian bookworm main</c>.</returns>
    public override string ToString() =>
        string.Join(' ', new[] { Type, Uri.ToString(), Suite }.Concat(Components));
}
