using System.Text;

namespace Snello.Debian.Archive;

/// <summary>
/// Finds the Debian repositories for a suite from the host's apt configuration (sources.list(5)), or from a
/// mirror given explicitly.
/// </summary>
public static class DebianMirrors
{
    /// <summary>The keyring Debian's archive is signed with (package debian-archive-keyring).</summary>
    public const string DefaultKeyring = "/usr/share/keyrings/debian-archive-keyring.gpg";

    // Codenames and aliases of Debian suites; a host source naming one (or one with a '-updates',
    // '-security', ... suffix) is a Debian source.
    private static readonly string[] DebianSuites = ["buster", "bullseye", "bookworm", "trixie", "forky",
        "duke", "sid", "stable", "testing", "oldstable", "oldoldstable", "unstable"];

    /// <summary>
    /// The repositories of a suite: the suite itself and, when asked, its <c>SUITE-security</c> suite.
    /// </summary>
    /// <remarks>
    /// Without <paramref name="mirror"/>, the URI is taken from the first enabled <c>deb</c> source whose
    /// suite is a Debian one (the requested suite's source preferred), with the requested suite in place of
    /// the host's: a bookworm host serves trixie from the same URI. The security repository comes from a
    /// host source whose suite ends in <c>-security</c>; when there is none, it is guessed from the main URI
    /// by replacing its last path segment <c>debian</c> with <c>debian-security</c>, as Debian's mirrors are
    /// laid out. The keyring is the source's (for a guessed security URI, the main source's) first
    /// <c>Signed-By</c> file (or its key block written in place),
    /// else <see cref="DefaultKeyring"/>; Signed-By fingerprints are not resolved and fall back to the
    /// default keyring as well. Every file is read under <paramref name="aptRoot"/>.
    /// </remarks>
    /// <param name="suite">The suite, such as <c>bookworm</c> or <c>trixie</c>.</param>
    /// <param name="components">The components to read, such as <c>main</c>.</param>
    /// <param name="security">True to add the security suite.</param>
    /// <param name="mirror">An archive root to use instead of the host's sources, or null.</param>
    /// <param name="aptRoot">The root holding <c>etc/apt</c> and the keyrings; <c>/</c> for the host.</param>
    /// <returns>The main repository, then the security one when asked.</returns>
    /// <exception cref="DebianMirrorNotFoundException">No Debian source is configured and no mirror given,
    /// or no security repository can be found or guessed.</exception>
    /// <exception cref="AptSourcesFormatException">A sources file is malformed.</exception>
    /// <exception cref="KeyringException">The keyring cannot be read.</exception>
    public static IReadOnlyList<DebianRepository> ForSuite(string suite, IReadOnlyList<string> components,
        bool security, Uri? mirror, string aptRoot = "/")
    {
        ArgumentException.ThrowIfNullOrEmpty(suite);
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(aptRoot);
        var sources = AptSourcesReader.ReadRoot(aptRoot).Where(s => s.IsBinary && s.Enabled).ToList();
        var mains = sources.Where(s => IsDebian(s.Suite) && !s.Suite.Contains('-', StringComparison.Ordinal))
            .ToList();
        var main = mains.FirstOrDefault(s => s.Suite == suite) ?? mains.FirstOrDefault();
        if (mirror is null && main is null)
        {
            throw new DebianMirrorNotFoundException(aptRoot,
                "no enabled 'deb' source lists a Debian suite such as 'bookworm' or 'trixie'");
        }

        var mainUri = mirror ?? main!.Uri;
        var repositories = new List<DebianRepository>
        {
            new(mainUri, suite, components, Keyring(mirror is null ? main : null, aptRoot), suite),
        };
        if (!security)
        {
            return repositories;
        }

        var securitySource = sources.FirstOrDefault(s => s.Suite.EndsWith("-security", StringComparison.Ordinal)
            && IsDebian(s.Suite));
        var securityUri = securitySource?.Uri ?? GuessSecurity(mainUri)
            ?? throw new DebianMirrorNotFoundException(aptRoot, $"no source lists a '-security' suite, and "
                + $"'{mainUri}' does not end in '/debian' to derive one from; turn the security suite off or "
                + "add its source");
        repositories.Add(new DebianRepository(securityUri, suite + "-security", components,
            Keyring(securitySource ?? (mirror is null ? main : null), aptRoot), suite + "-security"));
        return repositories;
    }

    private static bool IsDebian(string suite)
    {
        var dash = suite.IndexOf('-', StringComparison.Ordinal);
        return DebianSuites.Contains(dash < 0 ? suite : suite[..dash], StringComparer.Ordinal);
    }

    private static Uri? GuessSecurity(Uri main)
    {
        var path = main.AbsolutePath.TrimEnd('/');
        return path.EndsWith("/debian", StringComparison.Ordinal)
            ? new UriBuilder(main) { Path = path + "-security" }.Uri
            : null;
    }

    private static ArchiveKeyring Keyring(AptSource? source, string aptRoot)
    {
        if (source is { SignedByIsInlineKey: true })
        {
            using var stream = new MemoryStream(Encoding.ASCII.GetBytes(source.SignedBy!));
            return ArchiveKeyring.Load(stream, $"Signed-By of {source.Origin}");
        }

        // Signed-By is a comma- or space-separated list of files and fingerprints (sources.list(5)).
        var file = (source?.SignedBy ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(f => f.StartsWith('/'));
        return ArchiveKeyring.Load(Under(aptRoot, file ?? DefaultKeyring));
    }

    private static string Under(string root, string path) => Path.Combine(root, path.TrimStart('/'));
}
