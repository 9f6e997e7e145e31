using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Snello.Debian.Archive;

/// <summary>
/// Reads a Debian archive over HTTP as apt does: the suite's InRelease verified against the repository's
/// keyring and its Valid-Until, each Packages index checked against the SHA256 the Release file lists, and
/// .deb files checked against their index's SHA256 and kept in a content-addressed cache.
/// </summary>
/// <remarks>
/// Cache layout under <c>cacheRoot/debian</c>: <c>releases/</c> the last InRelease of each suite (for
/// <see cref="Offline"/> and <see cref="InReleaseMaxAge"/>), <c>indexes/</c> decompressed Packages files
/// named by their SHA256 in the verified Release file, <c>sha256/</c> .deb files named by their SHA256.
/// Files are written under a temporary name and renamed once verified, so a failed or tampered download
/// leaves nothing behind.
/// </remarks>
/// <param name="http">The HTTP client; its timeout and proxy settings apply. It is not disposed.</param>
/// <param name="cacheRoot">The cache folder (created on demand).</param>
/// <param name="logger">Receives protocol steps at Debug level; null for none.</param>
public sealed partial class DebianArchiveClient(HttpClient http, string cacheRoot, ILogger? logger = null)
{
    /// <summary>
    /// Index compressions in order of preference. gzip comes first: for bookworm's main index it is
    /// 12 MB against xz's 8.8 MB, but decodes in 0.2 s against xz's 2 s, which outweighs 3 MB of download
    /// on any link faster than about 15 Mbit/s.
    /// </summary>
    private static readonly string[] Compressions = [".gz", ".xz", ""];

    private readonly HttpClient _http = http ?? throw new ArgumentNullException(nameof(http));
    private readonly string _cache = Path.Combine(cacheRoot ?? throw new ArgumentNullException(nameof(cacheRoot)),
        "debian");

    /// <summary>
    /// True to use the cached InRelease of each suite without asking the mirror (it is still verified and
    /// its Valid-Until enforced). False by default.
    /// </summary>
    public bool Offline { get; init; }

    /// <summary>
    /// How old a cached InRelease may be and still be used without asking the mirror; zero (the default)
    /// asks every time. InRelease is small, so asking costs one round trip.
    /// </summary>
    public TimeSpan InReleaseMaxAge { get; init; }

    /// <summary>
    /// Loads a repository's index for one architecture: InRelease (verified signature, Valid-Until), then
    /// <c>COMPONENT/binary-ARCH/Packages</c> of each component, checked against the Release file's SHA256.
    /// </summary>
    /// <param name="repository">The repository.</param>
    /// <param name="architecture">The Debian architecture, such as <c>amd64</c>; <c>Architecture: all</c>
    /// packages are in the same index.</param>
    /// <param name="now">The time against which signatures, keys and Valid-Until are checked.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The index; records are parsed lazily (see <see cref="RepositoryIndex.Packages"/>).</returns>
    /// <exception cref="SuiteNotFoundException">The mirror answers 404 for the suite's InRelease.</exception>
    /// <exception cref="ArchiveUnreachableException">The mirror cannot be reached or answers with an error,
    /// or <see cref="Offline"/> is set and no InRelease is cached.</exception>
    /// <exception cref="SignatureVerificationException">InRelease is not validly signed by the keyring.</exception>
    /// <exception cref="ReleaseFormatException">The Release file is malformed, past its Valid-Until, or does
    /// not list the component, architecture or index.</exception>
    /// <exception cref="HashMismatchException">An index differs from the Release file's SHA256 or size.</exception>
    /// <exception cref="InvalidDataException">An index does not decompress.</exception>
    public async Task<RepositoryIndex> LoadIndexAsync(DebianRepository repository, string architecture,
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrEmpty(architecture);
        var release = await LoadReleaseAsync(repository, now, cancellationToken).ConfigureAwait(false);
        if (release.Architectures.Count > 0 && !release.Architectures.Contains(architecture))
        {
            throw new ReleaseFormatException(release.File, "Architectures", string.Join(' ', release.Architectures),
                $"does not include '{architecture}'");
        }

        var packages = new IndexedPackages();
        foreach (var component in repository.Components)
        {
            // The security suite lists its components as 'updates/main' but keeps them under 'main/'.
            if (release.Components.Count > 0 && !release.Components.Any(c => c == component
                || c.EndsWith("/" + component, StringComparison.Ordinal)))
            {
                throw new ReleaseFormatException(release.File, "Components", string.Join(' ', release.Components),
                    $"does not include '{component}'");
            }

            var path = $"{component}/binary-{architecture}/Packages";
            var text = await LoadPackagesAsync(repository, release, path, cancellationToken).ConfigureAwait(false);
            packages.Add(text, repository.Resolve($"dists/{repository.Suite}/{path}").ToString());
        }

        logger?.LogDebug("Index of {Repository} {Architecture}: {Count} packages, dated {Date}",
            repository.Name, architecture, packages.Count, release.Date);
        return new RepositoryIndex(repository, architecture, release.Date, packages);
    }

    private async Task<ReleaseFile> LoadReleaseAsync(DebianRepository repository, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var uri = repository.Resolve($"dists/{repository.Suite}/InRelease");
        var cached = Path.Combine(_cache, "releases", Key(repository.Root.AbsoluteUri + "\n" + repository.Suite)
            + ".InRelease");
        // The cache's age is wall-clock time; 'now' only decides what is valid, and may be another time.
        var fresh = File.Exists(cached) && (Offline || (InReleaseMaxAge > TimeSpan.Zero
            && DateTime.UtcNow - File.GetLastWriteTimeUtc(cached) < InReleaseMaxAge));
        if (Offline && !fresh)
        {
            throw new ArchiveUnreachableException(uri, "offline, and no InRelease of the suite is cached");
        }

        byte[] content;
        if (fresh)
        {
            content = await File.ReadAllBytesAsync(cached, cancellationToken).ConfigureAwait(false);
            logger?.LogDebug("Using cached {Uri}", uri);
        }
        else
        {
            content = await GetBytesAsync(uri, cancellationToken).ConfigureAwait(false)
                ?? throw new SuiteNotFoundException(repository.Suite, repository.Uri, uri);
        }

        var verified = InReleaseVerifier.Verify(Encoding.UTF8.GetString(content), repository.Keyring,
            uri.ToString(), now);
        var release = ReleaseFile.Parse(verified.Text, uri.ToString());
        release.CheckValidUntil(now);
        if (!fresh)
        {
            await WriteAtomicallyAsync(cached, content, cancellationToken).ConfigureAwait(false);
        }

        return release;
    }

    private async Task<byte[]> LoadPackagesAsync(DebianRepository repository, ReleaseFile release, string path,
        CancellationToken cancellationToken)
    {
        // The decompressed file is named by the SHA256 the Release file lists for it, so an unchanged index
        // is reused even when the suite's InRelease is re-signed.
        var listed = Compressions.Select(c => release.Find(path + c)).OfType<ReleaseFileEntry>().ToList();
        if (listed.Count == 0)
        {
            throw new ReleaseFormatException(release.File, "SHA256", path,
                "is not listed (as .gz, .xz or plain): the suite has no such index");
        }

        var plain = release.Find(path);
        var cached = Path.Combine(_cache, "indexes", (plain ?? listed[0]).Sha256 + ".Packages");
        if (File.Exists(cached))
        {
            logger?.LogDebug("Using cached {Path} of {Repository}", path, repository.Name);
            return await File.ReadAllBytesAsync(cached, cancellationToken).ConfigureAwait(false);
        }

        foreach (var entry in listed)
        {
            var uri = repository.Resolve($"dists/{repository.Suite}/{entry.Path}");
            var content = await GetBytesAsync(uri, cancellationToken).ConfigureAwait(false);
            if (content is null)
            {
                // Mirrors often keep only some of the compressions their Release lists.
                logger?.LogDebug("{Uri} is absent (404); trying the next compression", uri);
                continue;
            }

            release.Verify(entry.Path, content);
            var text = Decompress(content, entry.Path);
            if (plain is not null && !ReferenceEquals(plain, entry))
            {
                release.Verify(plain.Path, text);
            }

            await WriteAtomicallyAsync(cached, text, cancellationToken).ConfigureAwait(false);
            return text;
        }

        throw new ArchiveUnreachableException(repository.Resolve($"dists/{repository.Suite}/{path}"),
            $"every compression the Release file lists ({string.Join(", ", listed.Select(e => e.Path))}) "
            + "answers 404");
    }

    private static string Key(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
