using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Snello.Oci.Digests;
using Snello.Oci.Model;

namespace Snello.Oci.Caching;

/// <summary>
/// A content-addressed store of blobs under <c>CACHE/blobs/ALGORITHM/ENCODED</c>, shared by every command and
/// safe for several processes at once: a blob is written under a temporary name, verified, then renamed into
/// place, so a reader sees a whole, verified blob or none. Deleting a blob that another process has open is
/// harmless on Linux: the open handle keeps the data.
/// </summary>
public sealed class BlobCache
{
    private readonly ILogger _logger;

    /// <summary>Opens (without creating) the cache rooted at <paramref name="root"/>.</summary>
    public BlobCache(string root, ILogger? logger = null)
    {
        Root = Path.GetFullPath(root);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The cache folder.</summary>
    public string Root { get; }

    private string BlobRoot => Path.Combine(Root, "blobs");

    private string TempRoot => Path.Combine(Root, "tmp");

    /// <summary>
    /// The default folder: <c>$XDG_CACHE_HOME/snello</c>, else <c>~/.cache/snello</c>.
    /// </summary>
    public static string DefaultRoot()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "snello");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "snello");
    }

    /// <summary>The path a blob with this digest has, whether or not it is present.</summary>
    public string PathOf(Digest digest) => Path.Combine(BlobRoot, digest.Algorithm, digest.Encoded);

    /// <summary>Opens a cached blob, or returns null when it is absent. The stream verifies as it is read.</summary>
    public Stream? TryOpen(Descriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var path = PathOf(descriptor.Digest);
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            Touch(path);
            _logger.LogTrace("cache hit {Digest}", descriptor.Digest);
            return new VerifyingStream(stream, descriptor.Digest, descriptor.Size, "cached blob");
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Whether a blob is present.</summary>
    public bool Contains(Digest digest) => File.Exists(PathOf(digest));

    /// <summary>
    /// Stores the content of <paramref name="content"/>, which must match <paramref name="descriptor"/>; returns
    /// the blob's path. A blob already present is kept and the content is read to its end and discarded.
    /// </summary>
    /// <exception cref="DigestMismatchException">The content does not match; nothing is stored.</exception>
    public async Task<string> PutAsync(Descriptor descriptor, Stream content,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(content);
        var verifying = new VerifyingStream(content, descriptor.Digest, descriptor.Size, "blob", leaveOpen: true);
        await using (verifying.ConfigureAwait(false))
        {
            var (_, path) = await StoreAsync(verifying, descriptor.Digest.Algorithm, cancellationToken)
                .ConfigureAwait(false);
            return path;
        }
    }

    /// <summary>Stores content whose digest is not known in advance, and returns its digest, size and path.</summary>
    public async Task<(Digest Digest, long Size, string Path)> PutNewAsync(Stream content,
        CancellationToken cancellationToken = default)
    {
        var (digestAndSize, path) = await StoreAsync(content, Digest.Sha256, cancellationToken).ConfigureAwait(false);
        return (digestAndSize.Digest, digestAndSize.Size, path);
    }

    /// <summary>Writes a blob through a callback that fills a stream, then stores it under its digest.</summary>
    public async Task<(Digest Digest, long Size, string Path)> PutWrittenAsync(
        Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        Directory.CreateDirectory(TempRoot);
        var temp = TempName();
        try
        {
            Digest digest;
            long size;
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                var hashing = new HashingWriteStream(file, Digest.Sha256);
                await using (hashing.ConfigureAwait(false))
                {
                    await write(hashing, cancellationToken).ConfigureAwait(false);
                    await hashing.FlushAsync(cancellationToken).ConfigureAwait(false);
                    (digest, size) = (hashing.Finish(), hashing.BytesWritten);
                }
            }

            return (digest, size, Commit(temp, digest));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<((Digest Digest, long Size), string Path)> StoreAsync(Stream content, string algorithm,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(TempRoot);
        var temp = TempName();
        try
        {
            Digest digest;
            long size;
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16,
                FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                var hashing = new HashingWriteStream(file, algorithm);
                await using (hashing.ConfigureAwait(false))
                {
                    await content.CopyToAsync(hashing, 1 << 16, cancellationToken).ConfigureAwait(false);
                    (digest, size) = (hashing.Finish(), hashing.BytesWritten);
                }
            }

            return ((digest, size), Commit(temp, digest));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private string Commit(string temp, Digest digest)
    {
        var path = PathOf(digest);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            Touch(path);
            return path;
        }

        // Rename is atomic within one filesystem; a concurrent writer of the same digest wrote the same bytes.
        File.Move(temp, path, overwrite: true);
        _logger.LogDebug("cached {Digest} at {Path}", digest, path);
        return path;
    }

    /// <summary>
    /// A new path in the cache's temporary folder (created if absent) for a scratch file of the caller's, such
    /// as an archive an engine saves. The caller deletes it; <see cref="Prune"/> removes leftovers after a day.
    /// </summary>
    public string NewTempPath()
    {
        Directory.CreateDirectory(TempRoot);
        return TempName();
    }

    private string TempName() => Path.Combine(TempRoot, $"{Environment.ProcessId}-{Guid.NewGuid():N}.partial");

    private static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (IOException)
        {
            // Touching only orders pruning; a read-only cache still serves blobs.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Every blob in the cache.</summary>
    public IReadOnlyList<CacheEntry> List()
    {
        if (!Directory.Exists(BlobRoot))
        {
            return [];
        }

        var entries = new List<CacheEntry>();
        foreach (var algorithmDir in Directory.EnumerateDirectories(BlobRoot))
        {
            foreach (var file in Directory.EnumerateFiles(algorithmDir))
            {
                var text = $"{Path.GetFileName(algorithmDir)}:{Path.GetFileName(file)}";
                if (!Digest.TryParse(text, out var digest))
                {
                    continue;
                }

                var info = new FileInfo(file);
                entries.Add(new CacheEntry(digest, info.Length, info.LastWriteTimeUtc));
            }
        }

        return entries.OrderByDescending(e => e.LastUsed).ThenBy(e => e.Digest.ToString(), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Deletes the least recently used blobs until the cache holds at most <paramref name="maxBytes"/>, and
    /// leftover temporary files older than a day. Returns what was deleted.
    /// </summary>
    public IReadOnlyList<CacheEntry> Prune(long maxBytes)
    {
        var removed = new List<CacheEntry>();
        var entries = List();
        var total = entries.Sum(e => e.Size);
        foreach (var entry in entries.OrderBy(e => e.LastUsed))
        {
            if (total <= maxBytes)
            {
                break;
            }

            File.Delete(PathOf(entry.Digest));
            total -= entry.Size;
            removed.Add(entry);
        }

        if (Directory.Exists(TempRoot))
        {
            foreach (var file in Directory.EnumerateFiles(TempRoot))
            {
                if (File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddDays(-1))
                {
                    File.Delete(file);
                }
            }
        }

        return removed;
    }
}
