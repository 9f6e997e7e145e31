using Microsoft.Extensions.Logging;
using Snello.Oci.Images;
using Snello.Oci.Model;
using Snello.Oci.Registry;

namespace Snello.Oci.Transports.Registry;

/// <summary>
/// Pushes an artifact to <c>docker://REF</c>: blobs first, several at once (each checked with <c>HEAD</c>,
/// mounted from another repository of the same registry when it came from there, else uploaded), then the
/// manifests of an index by digest, and last the top manifest under the reference's tag (or digest). The
/// manifest bytes are pushed as they are, so the digest is kept. The registry keeps what was uploaded before a
/// failure, but the tag moves only when everything it needs is there.
/// </summary>
public sealed class RegistryWriter : IImageWriter
{
    private readonly TransportOptions _options;

    /// <summary>Creates the writer; nothing is sent until <see cref="WriteAsync"/>.</summary>
    /// <exception cref="ArgumentException">The location has no image reference.</exception>
    public RegistryWriter(ImageLocation location, TransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(options);
        if (location.Reference is null)
        {
            throw new ArgumentException($"location '{location}' has no image reference", nameof(location));
        }

        Location = location;
        _options = options;
    }

    /// <inheritdoc />
    public ImageLocation Location { get; }

    /// <inheritdoc />
    /// <exception cref="RegistryAuthenticationException">Push access refused.</exception>
    /// <exception cref="RegistryUnreachableException">The registry cannot be reached.</exception>
    /// <exception cref="RegistryException">The registry refused a blob or manifest.</exception>
    public async Task<WriteResult> WriteAsync(IManifestArtifact artifact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var reference = Location.Reference!;
        if (reference.Digest is { } pinned && pinned != artifact.Digest)
        {
            throw new ImageFormatException($"'{Location}' names digest '{pinned}', but the manifest to push has " +
                $"digest '{artifact.Digest}'; name a tag, or the digest the image has");
        }

        var client = RegistryClientPool.Get(reference.Registry, _options);
        var push = new Push(client, reference.Repository, _options.Logger);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(Math.Max(1, client.Options.Parallelism));
        var pending = new List<Task>();
        await ArtifactWalker.WalkAsync(artifact, async (blob, ct) =>
        {
            if (!MediaTypes.IsIndex(blob.Descriptor.MediaType) && !MediaTypes.IsManifest(blob.Descriptor.MediaType))
            {
                pending.Add(push.BlobAsync(blob, slots, failed));
                return;
            }

            // A manifest is accepted only once every blob it names is in the repository.
            await Task.WhenAll(pending).ConfigureAwait(false);
            pending.Clear();
            var target = blob.Descriptor.Digest == artifact.Digest && reference.Tag is { } tag
                ? tag
                : blob.Descriptor.Digest.ToString();
            await push.ManifestAsync(blob, target, ct).ConfigureAwait(false);
        }, failed.Token).ConfigureAwait(false);
        await Task.WhenAll(pending).ConfigureAwait(false);

        var config = artifact is IImage image ? image.Manifest.Config.Digest : (Digests.Digest?)null;
        return new WriteResult(artifact.Digest, config, push.Written, push.Skipped, push.Bytes);
    }

    /// <summary>The counters and steps of one push.</summary>
    private sealed class Push(RegistryClient client, string repository, ILogger? logger)
    {
        private int _written;
        private int _skipped;
        private long _bytes;

        public int Written => _written;

        public int Skipped => _skipped;

        public long Bytes => Interlocked.Read(ref _bytes);

        public async Task BlobAsync(ArtifactWalker.Blob blob, SemaphoreSlim slots, CancellationTokenSource failed)
        {
            await slots.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                var from = BlobOrigins.MountSource(blob.Descriptor.Digest, client.Registry, repository);
                var outcome = await client.UploadBlobAsync(repository, blob.Descriptor, blob.Open, from, failed.Token)
                    .ConfigureAwait(false);
                if (outcome == BlobUploadOutcome.Uploaded)
                {
                    Interlocked.Increment(ref _written);
                    Interlocked.Add(ref _bytes, blob.Descriptor.Size);
                }
                else
                {
                    Interlocked.Increment(ref _skipped);
                    logger?.LogDebug("push: blob {Digest} {Outcome}", blob.Descriptor.Digest, outcome);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The first failure stops the other transfers; it is the one reported.
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                slots.Release();
            }
        }

        public async Task ManifestAsync(ArtifactWalker.Blob blob, string target, CancellationToken cancellationToken)
        {
            var stream = await blob.Open(cancellationToken).ConfigureAwait(false);
            byte[] bytes;
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                bytes = buffer.ToArray();
            }

            await client.PutManifestAsync(repository, target, blob.Descriptor.MediaType, bytes, cancellationToken)
                .ConfigureAwait(false);
            Interlocked.Increment(ref _written);
            Interlocked.Add(ref _bytes, bytes.Length);
        }
    }
}
