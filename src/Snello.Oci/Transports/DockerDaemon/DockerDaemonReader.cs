using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Snello.Oci.Caching;
using Snello.Oci.Digests;
using Snello.Oci.Engine;
using Snello.Oci.Images;
using Snello.Oci.Json;
using Snello.Oci.Model;
using Snello.Oci.Mutations;
using Snello.Oci.Transports.DockerArchive;

namespace Snello.Oci.Transports.DockerDaemon;

/// <summary>
/// Reads <c>docker-daemon:REF</c> (or <c>docker-daemon:sha256:ID</c>) from the Docker engine that
/// <c>DOCKER_HOST</c> names. The engine keeps no manifest, so, as with a docker archive, the image has a
/// Docker v2.2 manifest made from its config with uncompressed layers: the config digest (the image ID) and the
/// diff IDs are the engine's, the manifest digest is snello's. The engine saves the image
/// (<c>GET /images/get</c>) into a temporary file in the cache, the docker-archive reader reads it, and the
/// config and layers are kept in the blob cache under their digests. A later read of an image whose config and
/// layers are all cached needs only the engine's inspect answer, not another save.
/// </summary>
public sealed class DockerDaemonReader : IImageReader
{
    private readonly BlobCache _cache;
    private readonly DockerHost _host;
    private readonly ILogger _logger;

    /// <summary>Creates the reader; nothing is sent to the engine until <see cref="ReadAsync"/>.</summary>
    /// <param name="location">A <c>docker-daemon:</c> location.</param>
    /// <param name="options">The cache and logger.</param>
    /// <param name="host">The engine; null reads <c>DOCKER_HOST</c>.</param>
    /// <exception cref="FormatException"><c>DOCKER_HOST</c> is not a supported address.</exception>
    public DockerDaemonReader(ImageLocation location, TransportOptions options, DockerHost? host = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(options);
        Location = location;
        _cache = options.Cache;
        _logger = options.Logger ?? NullLogger.Instance;
        _host = host ?? DockerHost.FromEnvironmentVariables();
    }

    /// <inheritdoc />
    public ImageLocation Location { get; }

    /// <inheritdoc />
    /// <exception cref="EngineApiException">The engine has no such image, or failed to save it.</exception>
    /// <exception cref="EngineUnreachableException">The engine cannot be reached.</exception>
    public async Task<IManifestArtifact> ReadAsync(CancellationToken cancellationToken = default)
    {
        using var client = new DockerEngineClient(_host, _logger);
        var name = DaemonImageNames.Of(Location);
        EngineImage inspected;
        try
        {
            inspected = await client.InspectImageAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineApiException e) when (e.IsNotFound)
        {
            throw new EngineApiException(e.StatusCode, e.Request, e.EngineMessage,
                $"'{Location}': the Docker engine at '{_host}' has no image '{name}' (it said '{e.EngineMessage}')");
        }

        if (!Digest.TryParse(inspected.Id, out var id))
        {
            throw new ImageFormatException($"'{Location}': the engine gave image ID '{inspected.Id}', " +
                "expected 'sha256:' and 64 hex digits");
        }

        var cached = await TryFromCacheAsync(id, cancellationToken).ConfigureAwait(false);
        if (cached is not null)
        {
            _logger.LogDebug("image {Id} of {Location} is in the cache; not saved again", id, Location);
            return cached;
        }

        await SaveIntoCacheAsync(client, id, cancellationToken).ConfigureAwait(false);
        return await TryFromCacheAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new ImageFormatException($"'{Location}': image '{id}' vanished from cache '{_cache.Root}' " +
                "right after it was stored (pruned by another process?); run the command again");
    }

    private async Task SaveIntoCacheAsync(DockerEngineClient client, Digest id, CancellationToken cancellationToken)
    {
        var temp = _cache.NewTempPath();
        try
        {
            // Saved by ID, not by name, so a tag moved meanwhile cannot swap the image under us.
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16,
                FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await client.SaveImageAsync(id.ToString(), file, cancellationToken).ConfigureAwait(false);
            }

            var archive = new ImageLocation
            {
                Kind = TransportKind.DockerArchive,
                Path = temp,
                Text = $"docker-archive:{temp}",
            };
            var reader = new DockerArchiveReader(archive);
            IManifestArtifact artifact;
            await using (reader.ConfigureAwait(false))
            {
                artifact = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }

            if (artifact is not IImage saved || saved.Manifest.Config.Digest != id)
            {
                throw new ImageFormatException($"'{Location}': the engine saved another image than '{id}'");
            }

            await _cache.PutAsync(saved.Manifest.Config, new MemoryStream(saved.RawConfig.ToArray(), false),
                cancellationToken).ConfigureAwait(false);
            foreach (var layer in saved.Layers)
            {
                if (_cache.Contains(layer.DiffId))
                {
                    continue;
                }

                // An uncompressed layer (what the engine saves) is its own tar: opening it as stored verifies it
                // once, where opening it uncompressed would hash it twice more.
                var tar = layer.Descriptor.Digest == layer.DiffId
                    ? await layer.OpenCompressedAsync(cancellationToken).ConfigureAwait(false)
                    : await layer.OpenUncompressedAsync(cancellationToken).ConfigureAwait(false);
                await using (tar.ConfigureAwait(false))
                {
                    var (digest, _, _) = await _cache.PutNewAsync(tar, cancellationToken).ConfigureAwait(false);
                    if (digest != layer.DiffId)
                    {
                        throw new DigestMismatchException($"layer saved by the engine for '{Location}'",
                            layer.DiffId, digest);
                    }
                }
            }

            _logger.LogDebug("saved {Id} of {Location}: {Layers} layers into the cache", id, Location,
                saved.Layers.Count);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<IImage?> TryFromCacheAsync(Digest id, CancellationToken cancellationToken)
    {
        if (!_cache.Contains(id))
        {
            return null;
        }

        byte[] rawConfig;
        try
        {
            rawConfig = await File.ReadAllBytesAsync(_cache.PathOf(id), cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        if (Digest.Compute(rawConfig) is var actual && actual != id)
        {
            throw new DigestMismatchException($"cached config '{_cache.PathOf(id)}'", id, actual);
        }

        var config = OciJson.Deserialize<ImageConfig>(rawConfig, $"config '{id}' of '{Location}'");
        var layers = new List<ILayer>();
        foreach (var diffId in config.RootFs.DiffIds)
        {
            var path = _cache.PathOf(diffId);
            if (!File.Exists(path))
            {
                return null;
            }

            var descriptor = new Descriptor
            {
                MediaType = MediaTypes.DockerLayer,
                Digest = diffId,
                Size = new FileInfo(path).Length,
            };
            layers.Add(new CachedLayer(descriptor, diffId, _cache));
        }

        var manifest = new ImageManifest
        {
            MediaType = MediaTypes.DockerManifest,
            Config = new Descriptor { MediaType = MediaTypes.DockerConfig, Digest = id, Size = rawConfig.Length },
            Layers = layers.Select(l => l.Descriptor).ToList(),
        };
        return new MemoryImage(manifest, rawConfig, layers);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
