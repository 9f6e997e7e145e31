using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Snello.Oci.Caching;
using Snello.Oci.Engine;
using Snello.Oci.Images;
using Snello.Oci.Transports.DockerArchive;

namespace Snello.Oci.Transports.DockerDaemon;

/// <summary>
/// Writes <c>docker-daemon:REF</c>: loads the image into the Docker engine that <c>DOCKER_HOST</c> names
/// (<c>POST /images/load</c>) and tags it REF (<c>latest</c> where REF names no tag). The archive is the
/// docker-archive writer's, streamed into the request as it is written. An image the engine already holds
/// (same image ID) is only tagged. As with <c>docker load</c>, the engine keeps the config digest (image ID)
/// and the diff IDs, not the manifest.
/// </summary>
public sealed class DockerDaemonWriter : IImageWriter
{
    private readonly BlobCache _cache;
    private readonly DockerHost _host;
    private readonly ILogger _logger;

    /// <summary>Creates the writer; nothing is sent to the engine until <see cref="WriteAsync"/>.</summary>
    /// <param name="location">A <c>docker-daemon:</c> location naming a tag.</param>
    /// <param name="options">The cache (for scratch files) and logger.</param>
    /// <param name="host">The engine; null reads <c>DOCKER_HOST</c>.</param>
    /// <exception cref="UnsupportedTransportException">
    /// The location names a digest or an image ID, not a tag.
    /// </exception>
    /// <exception cref="FormatException"><c>DOCKER_HOST</c> is not a supported address.</exception>
    public DockerDaemonWriter(ImageLocation location, TransportOptions options, DockerHost? host = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(options);
        if (DaemonImageNames.ImageId(location) is not null || location.Reference?.Digest is not null)
        {
            throw new UnsupportedTransportException($"'{location}': docker-daemon: writes need a tag to name the " +
                "loaded image, as in docker-daemon:app:1.0; a digest or image ID cannot be written");
        }

        Location = location;
        _cache = options.Cache;
        _logger = options.Logger ?? NullLogger.Instance;
        _host = host ?? DockerHost.FromEnvironmentVariables();
    }

    /// <inheritdoc />
    public ImageLocation Location { get; }

    /// <inheritdoc />
    /// <exception cref="EngineApiException">The engine refused the image; the message quotes its reason.</exception>
    /// <exception cref="EngineUnreachableException">The engine cannot be reached.</exception>
    public async Task<WriteResult> WriteAsync(IManifestArtifact artifact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        if (artifact is not IImage image)
        {
            throw new ImageFormatException($"'{Location}' can hold single images only, and '{artifact.Digest}' is " +
                "an index; pick one image with --platform");
        }

        var reference = DaemonImageNames.Tagged(Location);
        var familiar = reference.FamiliarName;
        var repository = familiar[..familiar.LastIndexOf(':')];
        var id = image.Manifest.Config.Digest;
        using var client = new DockerEngineClient(_host, _logger);

        long bytes = 0;
        int written = 0, skipped = 0;
        if (await client.TryInspectImageAsync(id.ToString(), cancellationToken).ConfigureAwait(false) is not null)
        {
            _logger.LogDebug("engine already holds {Id}; tagging it {Reference}", id, familiar);
            await client.TagImageAsync(id.ToString(), repository, reference.Tag!, cancellationToken)
                .ConfigureAwait(false);
            skipped = image.Layers.Count + 1;
        }
        else
        {
            var scratch = _cache.NewTempPath();
            try
            {
                await client.LoadImagesAsync(async (body, ct) =>
                {
                    bytes = await DockerArchiveWriter.WriteArchiveAsync(image, reference, body, scratch,
                        keepGzip: true, ct).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                File.Delete(scratch);
            }

            written = image.Layers.Count + 1;
        }

        // The archive's RepoTags tag the image on load; checking the tag proves the engine holds this image there.
        var loaded = await client.InspectImageAsync(familiar, cancellationToken).ConfigureAwait(false);
        if (loaded.Id != id.ToString())
        {
            throw new ImageFormatException($"'{Location}': after loading, the engine's '{familiar}' is image " +
                $"'{loaded.Id}', expected '{id}'");
        }

        return new WriteResult(null, id, written, skipped, bytes);
    }
}
