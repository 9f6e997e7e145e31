using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Snello.Debian.Archive;

/// <summary>Fetching .deb files into the content-addressed cache.</summary>
public sealed partial class DebianArchiveClient
{
    /// <summary>Whether a .deb with this SHA256 is in the cache (unverified; fetching verifies it).</summary>
    /// <param name="sha256">The SHA256, hex.</param>
    /// <returns>True when the cache holds a file of that name.</returns>
    public bool IsCached(string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        return File.Exists(Path.Combine(_cache, "sha256", sha256.ToLowerInvariant() + ".deb"));
    }

    /// <summary>
    /// Returns the path of a .deb in the cache, fetching it from the repository when it is not there yet.
    /// A cached file is used without network once its size and SHA256 check out; a cached file that does
    /// not is replaced.
    /// </summary>
    /// <param name="repository">The repository holding the file.</param>
    /// <param name="filename">The path below the archive root, as an index's <c>Filename</c> names it.</param>
    /// <param name="sha256">The expected SHA256, hex.</param>
    /// <param name="size">The expected size in bytes, or null when unknown.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The path <c>cacheRoot/debian/sha256/HEX.deb</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="sha256"/> is not 64 hex digits.</exception>
    /// <exception cref="InvalidDataException"><paramref name="filename"/> is not a relative path below the
    /// archive root.</exception>
    /// <exception cref="PinnedPackageMissingException">The mirror answers 404 for the file.</exception>
    /// <exception cref="HashMismatchException">The fetched file's size or SHA256 is not the expected one;
    /// nothing is left in the cache.</exception>
    /// <exception cref="ArchiveUnreachableException">The mirror cannot be reached or answers with an error.
    /// </exception>
    public async Task<string> FetchDebAsync(DebianRepository repository, string filename, string sha256,
        long? size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(filename);
        if (sha256 is null || sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"SHA256 '{sha256}' must be 64 hex digits", nameof(sha256));
        }

        // A path from an index or a lock file must not climb out of the archive root.
        if (filename.Length == 0 || filename.StartsWith('/') || filename.Contains("..", StringComparison.Ordinal)
            || filename.Contains(':', StringComparison.Ordinal) || filename.Contains('\\', StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"file name '{filename}' must be a relative path below the archive root, such as 'pool/main/...deb'");
        }

        var expected = sha256.ToLowerInvariant();
        var path = Path.Combine(_cache, "sha256", expected + ".deb");
        if (File.Exists(path))
        {
            if (await CheckAsync(path, expected, size, cancellationToken).ConfigureAwait(false) is null)
            {
                logger?.LogDebug("Using cached {File} for {Filename}", path, filename);
                return path;
            }

            logger?.LogDebug("Cached {File} does not match its name; fetching it again", path);
            File.Delete(path);
        }

        var uri = repository.Resolve(filename);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = TemporaryName(path);
        try
        {
            using (var response = await SendAsync(uri, cancellationToken).ConfigureAwait(false)
                ?? throw new PinnedPackageMissingException(filename, repository.Name, uri))
            {
                var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                    81920, useAsync: true);
                await using (output.ConfigureAwait(false))
                {
                    try
                    {
                        await response.Content.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is HttpRequestException
                        || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                    {
                        throw new ArchiveUnreachableException(uri, $"the transfer broke off: {e.Message}", e);
                    }
                }
            }

            if (await CheckAsync(temporary, expected, size, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                throw new HashMismatchException(uri.ToString(), problem.Expected, problem.Actual, problem.What);
            }

            File.Move(temporary, path, overwrite: true);
            return path;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // The first difference from the expected size and SHA256, or null when the file matches.
    private static async Task<(string Expected, string Actual, string What)?> CheckAsync(string path,
        string sha256, long? size, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            if (size is { } expectedSize && stream.Length != expectedSize)
            {
                return (expectedSize.ToString(CultureInfo.InvariantCulture),
                    stream.Length.ToString(CultureInfo.InvariantCulture), "size");
            }

            var actual = Convert.ToHexStringLower(
                await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
            return actual == sha256 ? null : (sha256, actual, "SHA256");
        }
    }
}
