using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Snello.Oci.Caching;
using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Json;
using Snello.Oci.Model;
using Snello.Oci.Registry;

namespace Snello.Oci.Transports.Registry;

/// <summary>
/// The blobs of one registry repository, read through the blob cache: a blob is downloaded (verified) into the
/// cache and served from there, so a second read, or a second pull of the same layers, costs no transfer.
/// When a layer is asked for, the layers after it in the same manifest are fetched in the background, a bounded
/// number at a time, so a consumer that reads layers one by one finds the next already arriving.
/// Manifests named by an index come from the manifests endpoint. A blob this source downloaded was verified on
/// its way into the cache and is served from there as it is; one found in the cache already is verified again.
/// </summary>
internal sealed class RegistryBlobSource : IBlobSource
{
    private readonly RegistryClient _client;
    private readonly string _repository;
    private readonly BlobCache _cache;
    private readonly ILogger? _logger;
    private readonly ConcurrentDictionary<Digest, Lazy<Task>> _downloads = new();
    private readonly List<IReadOnlyList<Descriptor>> _layerLists = [];

    public RegistryBlobSource(RegistryClient client, string repository, BlobCache cache, ILogger? logger)
    {
        _client = client;
        _repository = repository;
        _cache = cache;
        _logger = logger;
    }

    /// <summary>Notes the layers of a manifest, for fetching ahead.</summary>
    public void Remember(ReadOnlyMemory<byte> manifest, string? mediaType)
    {
        try
        {
            var type = ManifestLoader.DetectMediaType(manifest.Span, mediaType);
            if (!MediaTypes.IsManifest(type))
            {
                return;
            }

            var parsed = OciJson.Deserialize<ImageManifest>(manifest.Span, "manifest");
            foreach (var blob in (parsed.Layers ?? []).Append(parsed.Config).OfType<Descriptor>())
            {
                BlobOrigins.Record(blob.Digest, _client.Registry, _repository);
            }

            if (parsed.Layers is { Count: > 1 } layers)
            {
                lock (_layerLists)
                {
                    _layerLists.Add(layers);
                }
            }
        }
        catch (ImageFormatException)
        {
            // The loader reports a malformed manifest with its own message; fetching ahead just does not happen.
        }
    }

    public async Task<Stream> OpenBlobAsync(Descriptor descriptor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (MediaTypes.IsIndex(descriptor.MediaType) || MediaTypes.IsManifest(descriptor.MediaType))
        {
            var manifest = await _client.GetManifestAsync(_repository, descriptor.Digest.ToString(), cancellationToken)
                .ConfigureAwait(false);
            Remember(manifest.Bytes, descriptor.MediaType);
            return new VerifyingStream(new MemoryStream(manifest.Bytes.ToArray(), writable: false), descriptor.Digest,
                descriptor.Size, "manifest");
        }

        BlobOrigins.Record(descriptor.Digest, _client.Registry, _repository);
        var cached = _cache.TryOpen(descriptor);
        if (cached is not null)
        {
            return cached;
        }

        // The first reader of a blob reads it as it arrives, while it is also stored in the cache; the layers
        // after it are fetched ahead.
        var handoff = new BlobHandoff();
        var mine = new Lazy<Task>(() => DownloadAsync(descriptor, handoff, cancellationToken));
        var download = _downloads.GetOrAdd(descriptor.Digest, mine);
        _ = download.Value;
        FetchAhead(descriptor, cancellationToken);
        if (ReferenceEquals(download, mine))
        {
            return handoff.Reader();
        }

        await download.Value.ConfigureAwait(false);

        // The download was hashed on its way into the cache, and cache files are only ever renamed into place
        // whole, so the blob is served without hashing it a second time.
        try
        {
            return new FileStream(_cache.PathOf(descriptor.Digest), FileMode.Open, FileAccess.Read,
                FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (FileNotFoundException e)
        {
            throw new ImageFormatException($"blob '{descriptor.Digest}' vanished from cache '{_cache.Root}' right " +
                "after it was downloaded (pruned by another process?); run the command again", e);
        }
    }

    private void FetchAhead(Descriptor descriptor, CancellationToken cancellationToken)
    {
        List<Descriptor> ahead;
        lock (_layerLists)
        {
            var list = _layerLists.FirstOrDefault(l => l.Any(d => d.Digest == descriptor.Digest));
            if (list is null)
            {
                return;
            }

            ahead = list.SkipWhile(d => d.Digest != descriptor.Digest).Skip(1)
                .Where(d => !MediaTypes.IsForeignLayer(d.MediaType) && !_cache.Contains(d.Digest))
                .ToList();
        }

        foreach (var layer in ahead)
        {
            // Observed by whoever opens the layer later; a failure here is reported there, once.
            _ = Download(layer, cancellationToken).ContinueWith(t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private Task Download(Descriptor descriptor, CancellationToken cancellationToken) =>
        _downloads.GetOrAdd(descriptor.Digest,
            _ => new Lazy<Task>(() => DownloadAsync(descriptor, null, cancellationToken))).Value;

    private async Task DownloadAsync(Descriptor descriptor, BlobHandoff? handoff, CancellationToken cancellationToken)
    {
        try
        {
            await _client.DownloadSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (handoff is null && _cache.Contains(descriptor.Digest))
                {
                    return;
                }

                _logger?.LogDebug("registry {Registry}: downloading {Digest} ({Size} bytes) from {Repository}",
                    _client.Registry, descriptor.Digest, descriptor.Size, _repository);
                var body = await _client.OpenBlobUnverifiedAsync(_repository, descriptor, cancellationToken)
                    .ConfigureAwait(false);
                var content = handoff is null ? body : handoff.Tee(body);
                await using (content.ConfigureAwait(false))
                {
                    await _cache.PutAsync(descriptor, content, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _client.DownloadSlots.Release();
            }
        }
        catch (Exception e) when (handoff is not null)
        {
            handoff.Complete(e);
            throw;
        }

        handoff?.Complete(null);
    }
}
