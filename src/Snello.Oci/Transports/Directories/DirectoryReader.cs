using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Json;
using Snello.Oci.Layers;
using Snello.Oci.Model;
using Snello.Oci.Mutations;

namespace Snello.Oci.Transports.Directories;

/// <summary>
/// Reads <c>dir:PATH</c>: a root filesystem folder, presented as an image of one uncompressed layer for the host's
/// platform with no entrypoint. The layer is the folder tarred deterministically into the blob cache (symlinks kept
/// as links, hard links detected, owners and modes as on disk), so reading a large folder costs its size in cache
/// space until the cache is pruned.
/// </summary>
public sealed class DirectoryReader : IImageReader
{
    private readonly TransportOptions _options;

    /// <summary>Creates the reader; nothing is read until <see cref="ReadAsync"/>.</summary>
    public DirectoryReader(ImageLocation location, TransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(options);
        Location = location;
        _options = options;
    }

    /// <inheritdoc />
    public ImageLocation Location { get; }

    /// <inheritdoc />
    public async Task<IManifestArtifact> ReadAsync(CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(Location.Path!);
        if (!Directory.Exists(path))
        {
            throw new ImageFormatException($"dir: '{path}' is not a folder; expected a root filesystem folder");
        }

        var (digest, size, _) = await _options.Cache.PutWrittenAsync(
            (output, ct) => LayerTarWriter.WriteDirectoryAsync(path, output, new LayerTarOptions(), ct),
            cancellationToken).ConfigureAwait(false);

        var layer = new CachedLayer(new Descriptor { MediaType = MediaTypes.OciLayer, Digest = digest, Size = size },
            digest, _options.Cache);
        var config = new ImageConfig
        {
            Architecture = Platform.Host.Architecture,
            Os = Platform.Host.Os,
            RootFs = new RootFs { DiffIds = [digest] },
            History = [new HistoryEntry { CreatedBy = "snello: root filesystem folder", Comment = "dir:" }],
        };
        var rawConfig = OciJson.Serialize(config);
        var manifest = new ImageManifest
        {
            MediaType = MediaTypes.OciManifest,
            Config = new Descriptor
            {
                MediaType = MediaTypes.OciConfig,
                Digest = Digest.Compute(rawConfig),
                Size = rawConfig.Length,
            },
            Layers = [layer.Descriptor],
        };
        return new MemoryImage(manifest, rawConfig, [layer]);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
