using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging;
using Snello.Debian.Contents;

namespace Snello.Debian.Archive;

/// <summary>Which packages ship which shared libraries, from the suite's Contents indexes.</summary>
public sealed partial class DebianArchiveClient
{
    /// <summary>
    /// Loads the shared libraries of a repository's <c>COMPONENT/Contents-ARCH.gz</c> indexes, checked against
    /// the Release file's SHA256. Only libraries in the loader's standard folders are kept, and that filtered
    /// form is cached by the index's SHA256, so a later load reads a few megabytes instead of 150.
    /// </summary>
    /// <param name="repository">The repository.</param>
    /// <param name="architecture">The Debian architecture.</param>
    /// <param name="now">The time signatures and Valid-Until are checked against.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>One index per component that has a Contents index; a suite without any gives none.</returns>
    /// <exception cref="SignatureVerificationException">InRelease is not validly signed.</exception>
    /// <exception cref="HashMismatchException">A Contents index differs from the Release file's SHA256.</exception>
    /// <exception cref="ArchiveUnreachableException">The mirror cannot be reached.</exception>
    public async Task<IReadOnlyList<SharedLibraryIndex>> LoadSharedLibrariesAsync(DebianRepository repository,
        string architecture, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var release = await LoadReleaseAsync(repository, now, cancellationToken).ConfigureAwait(false);
        var found = new List<SharedLibraryIndex>();
        foreach (var component in repository.Components)
        {
            var path = $"{component}/Contents-{architecture}.gz";
            if (release.Find(path) is not { } entry)
            {
                logger?.LogDebug("{Repository} lists no {Path}", repository.Name, path);
                continue;
            }

            var cached = Path.Combine(_cache, "contents", entry.Sha256 + ".libraries");
            if (File.Exists(cached))
            {
                using var file = File.OpenRead(cached);
                found.Add(SharedLibraryIndex.Read(file));
                continue;
            }

            var uri = repository.Resolve($"dists/{repository.Suite}/{path}");
            var content = await GetBytesAsync(uri, cancellationToken).ConfigureAwait(false)
                ?? throw new ArchiveUnreachableException(uri, "the Release file lists it, but the mirror answers 404");
            release.Verify(path, content);
            SharedLibraryIndex index;
            try
            {
                using var gzip = new GZipStream(new MemoryStream(content, writable: false), CompressionMode.Decompress);
                index = SharedLibraryIndex.Read(gzip);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"'{uri}' is not valid gzip data: {e.Message}", e);
            }

            var text = new StringWriter();
            index.Write(text);
            await WriteAtomicallyAsync(cached, Encoding.UTF8.GetBytes(text.ToString()), cancellationToken)
                .ConfigureAwait(false);
            found.Add(index);
        }

        return found;
    }
}
