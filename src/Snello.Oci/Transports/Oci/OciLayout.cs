using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Json;
using Snello.Oci.Model;

namespace Snello.Oci.Transports.Oci;

/// <summary>
/// An OCI image layout folder (OCI image spec, image-layout.md): <c>oci-layout</c>, <c>index.json</c> and
/// <c>blobs/ALGORITHM/ENCODED</c>. Blobs are written under a temporary name and renamed once verified;
/// <c>index.json</c> is rewritten under a lock file, so concurrent writers of different tags both land.
/// </summary>
public sealed class OciLayout : IBlobSource
{
    /// <summary>The annotation that names a manifest in <c>index.json</c>.</summary>
    public const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    private readonly ILogger _logger;

    /// <summary>Opens the layout at <paramref name="root"/>; nothing is read or created yet.</summary>
    public OciLayout(string root, ILogger? logger = null)
    {
        Root = System.IO.Path.GetFullPath(root);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The layout folder.</summary>
    public string Root { get; }

    private string IndexPath => System.IO.Path.Combine(Root, "index.json");

    /// <summary>The path of a blob.</summary>
    public string BlobPath(Digest digest) => System.IO.Path.Combine(Root, "blobs", digest.Algorithm, digest.Encoded);

    /// <summary>Whether the folder holds a layout.</summary>
    public bool Exists => File.Exists(IndexPath) && File.Exists(System.IO.Path.Combine(Root, "oci-layout"));

    /// <summary>Reads <c>index.json</c> and its raw bytes.</summary>
    /// <exception cref="ImageFormatException">The folder is not an OCI layout, or index.json is malformed.</exception>
    public (ImageIndex Index, byte[] Raw) ReadIndex()
    {
        if (!Directory.Exists(Root))
        {
            throw new ImageFormatException($"OCI layout '{Root}' does not exist");
        }

        if (!File.Exists(IndexPath))
        {
            throw new ImageFormatException($"'{Root}' is not an OCI layout: it has no index.json");
        }

        var raw = File.ReadAllBytes(IndexPath);
        return (OciJson.Deserialize<ImageIndex>(raw, $"'{IndexPath}'"), raw);
    }

    /// <inheritdoc />
    public Task<Stream> OpenBlobAsync(Descriptor descriptor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var path = BlobPath(descriptor.Digest);
        if (!File.Exists(path))
        {
            throw new ImageFormatException($"OCI layout '{Root}' lacks blob '{descriptor.Digest}' " +
                $"({descriptor.MediaType})");
        }

        Stream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Task.FromResult<Stream>(new VerifyingStream(file, descriptor.Digest, descriptor.Size, "blob"));
    }

    /// <summary>Creates the folder, <c>oci-layout</c> and an empty <c>index.json</c> where they are missing.</summary>
    public void Initialize()
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Root, "blobs", Digest.Sha256));
        var marker = System.IO.Path.Combine(Root, "oci-layout");
        if (!File.Exists(marker))
        {
            AtomicFile.Write(marker, OciJson.Serialize(new OciLayoutFile()));
        }

        if (!File.Exists(IndexPath))
        {
            var empty = new ImageIndex { MediaType = MediaTypes.OciIndex, Manifests = [] };
            AtomicFile.Write(IndexPath, OciJson.Serialize(empty));
        }
    }

    /// <summary>
    /// Stores a blob unless one with its digest is already present (and of the right size). Returns whether it was
    /// written.
    /// </summary>
    /// <exception cref="DigestMismatchException">The content does not match; nothing is kept.</exception>
    public async Task<bool> WriteBlobAsync(Descriptor descriptor, Func<CancellationToken, Task<Stream>> open,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(open);
        var path = BlobPath(descriptor.Digest);
        if (File.Exists(path) && new FileInfo(path).Length == descriptor.Size)
        {
            return false;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            var source = await open(cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                var verifying = new VerifyingStream(source, descriptor.Digest, descriptor.Size, "blob",
                    leaveOpen: true);
                await using (verifying.ConfigureAwait(false))
                {
                    var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16,
                        FileOptions.Asynchronous);
                    await using (file.ConfigureAwait(false))
                    {
                        await verifying.CopyToAsync(file, 1 << 16, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            File.Move(temp, path, overwrite: true);
            _logger.LogDebug("wrote blob {Digest} ({Size} bytes) to {Layout}", descriptor.Digest, descriptor.Size,
                Root);
            return true;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Stores a small blob held in memory.</summary>
    public Task<bool> WriteBlobAsync(Descriptor descriptor, ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken = default) =>
        WriteBlobAsync(descriptor, _ => Task.FromResult<Stream>(new MemoryStream(content.ToArray(), false)),
            cancellationToken);

    /// <summary>
    /// Adds a manifest to <c>index.json</c> under a lock. With a tag, the entry carries the ref-name annotation
    /// and replaces any entry with the same tag; without one, it is added unless the same digest is listed.
    /// </summary>
    public async Task AddManifestAsync(Descriptor manifest, string? tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var fileLock = await LayoutLock.AcquireAsync(System.IO.Path.Combine(Root, "index.json.lock"),
            cancellationToken).ConfigureAwait(false);
        await using var held = fileLock.ConfigureAwait(false);
        var (index, _) = ReadIndex();
        var entry = manifest;
        if (tag is not null)
        {
            var annotations = new Dictionary<string, string>(manifest.Annotations ?? new Dictionary<string, string>(),
                StringComparer.Ordinal) { [RefNameAnnotation] = tag };
            entry = manifest with { Annotations = annotations };
        }

        var kept = index.Manifests.Where(m => tag is null
            ? m.Digest != manifest.Digest || m.Annotation(RefNameAnnotation) is not null
            : m.Annotation(RefNameAnnotation) != tag);
        var updated = index with { MediaType = index.MediaType ?? MediaTypes.OciIndex, Manifests = [.. kept, entry] };
        AtomicFile.Write(IndexPath, OciJson.Serialize(updated));
    }
}
