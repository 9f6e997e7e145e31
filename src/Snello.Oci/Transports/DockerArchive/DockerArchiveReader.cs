using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Json;
using Snello.Oci.Model;
using Snello.Oci.Mutations;
using Snello.Oci.References;
using Snello.Oci.Transports.Archives;
using Snello.Oci.Transports.Oci;

namespace Snello.Oci.Transports.DockerArchive;

/// <summary>
/// Reads <c>docker-archive:FILE[:REF|:@N]</c>: the classic layout of <c>docker save</c> (<c>manifest.json</c>,
/// <c>ID.json</c> configs, <c>ID/layer.tar</c>) and the OCI-style layout of Docker 25 and later, which adds
/// <c>index.json</c> and keeps blobs under <c>blobs/sha256/</c>. The classic format has no manifest, so one in
/// Docker v2.2 form is made from the config and the layer files; their digests and the diff IDs are kept.
/// Where the archive holds an OCI manifest for the chosen config, that manifest is used as it is.
/// </summary>
public sealed class DockerArchiveReader : IImageReader
{
    /// <summary>Creates the reader; nothing is read until <see cref="ReadAsync"/>.</summary>
    public DockerArchiveReader(ImageLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        Location = location;
    }

    /// <inheritdoc />
    public ImageLocation Location { get; }

    /// <inheritdoc />
    public async Task<IManifestArtifact> ReadAsync(CancellationToken cancellationToken = default)
    {
        var path = System.IO.Path.GetFullPath(Location.Path!);
        var archive = TarArchiveIndex.Open(path, "docker archive");
        if (!archive.Contains("manifest.json"))
        {
            throw new ImageFormatException($"'{path}' is not a docker archive: it has no manifest.json");
        }

        var entries = OciJson.Deserialize<List<DockerArchiveEntry>>(archive.ReadAll("manifest.json", 64L << 20),
            $"manifest.json of '{path}'");
        var entry = Choose(entries, path);
        var rawConfig = archive.ReadAll(entry.Config, 64L << 20);
        var configDigest = Digest.Compute(rawConfig);
        var config = OciJson.Deserialize<ImageConfig>(rawConfig, $"config '{entry.Config}' of '{path}'");

        var oci = await TryOciManifestAsync(archive, configDigest, cancellationToken).ConfigureAwait(false);
        if (oci is not null)
        {
            return oci;
        }

        var diffIds = config.RootFs.DiffIds;
        if (diffIds.Count != entry.Layers.Count)
        {
            throw new ImageFormatException($"'{path}': image '{entry.Config}' lists {entry.Layers.Count} layers " +
                $"but its config lists {diffIds.Count} diff IDs");
        }

        var source = new DockerArchiveBlobSource(archive);
        var layers = new List<ILayer>();
        for (var i = 0; i < entry.Layers.Count; i++)
        {
            var descriptor = await DescribeLayerAsync(archive, entry, i, diffIds[i], cancellationToken)
                .ConfigureAwait(false);
            source.Add(descriptor.Digest, entry.Layers[i]);
            layers.Add(new BlobLayer(descriptor, diffIds[i], source));
        }

        var manifest = new ImageManifest
        {
            MediaType = MediaTypes.DockerManifest,
            Config = new Descriptor
            {
                MediaType = MediaTypes.DockerConfig,
                Digest = configDigest,
                Size = rawConfig.Length,
            },
            Layers = layers.Select(l => l.Descriptor).ToList(),
        };
        return new MemoryImage(manifest, rawConfig, layers);
    }

    private DockerArchiveEntry Choose(List<DockerArchiveEntry> entries, string path)
    {
        string Listing() => string.Join(", ", entries.Select((e, i) =>
            $"@{i} ({(e.RepoTags is { Count: > 0 } tags ? string.Join(" ", tags) : "untagged")})"));

        if (entries.Count == 0)
        {
            throw new ImageFormatException($"docker archive '{path}' lists no images in manifest.json");
        }

        if (Location.ArchiveIndex is { } n)
        {
            return n < entries.Count ? entries[n]
                : throw new ImageFormatException($"docker archive '{path}' has no image @{n}; images: {Listing()}");
        }

        if (Location.Tag is { } tag)
        {
            var wanted = ImageReference.Parse(tag).ToString();
            return entries.FirstOrDefault(e => e.RepoTags?.Any(t => Normal(t) == wanted) == true)
                ?? throw new ImageFormatException($"docker archive '{path}' has no image '{tag}'; images: {Listing()}");
        }

        return entries.Count == 1 ? entries[0]
            : throw new ImageFormatException($"docker archive '{path}' holds {entries.Count} images; name one as " +
                $"':REF' or ':@N'; images: {Listing()}");
    }

    private static string? Normal(string repoTag) =>
        ImageReference.TryParse(repoTag, out var reference) ? reference!.ToString() : null;

    private static async Task<IManifestArtifact?> TryOciManifestAsync(TarArchiveIndex archive, Digest configDigest,
        CancellationToken cancellationToken)
    {
        if (!archive.Contains("index.json") || !archive.Contains("oci-layout"))
        {
            return null;
        }

        var raw = archive.ReadAll("index.json", 64L << 20);
        var index = OciJson.Deserialize<ImageIndex>(raw, $"index.json of '{archive.Path}'");
        var source = new ArchiveLayoutSource(archive);
        foreach (var descriptor in index.Manifests)
        {
            var artifact = await OciLayoutReader.ReadFromAsync(index with { Manifests = [descriptor] }, raw, source,
                null, archive.Path, cancellationToken).ConfigureAwait(false);
            var image = artifact as IImage;
            if (artifact is IImageIndex nested)
            {
                image = await PlatformSelector.SelectAsync(nested, null, cancellationToken).ConfigureAwait(false);
            }

            if (image?.Manifest.Config.Digest == configDigest)
            {
                return image;
            }
        }

        return null;
    }

    private static async Task<Descriptor> DescribeLayerAsync(TarArchiveIndex archive, DockerArchiveEntry entry,
        int i, Digest diffId, CancellationToken cancellationToken)
    {
        var name = entry.Layers[i];
        if (!archive.Contains(name))
        {
            if (entry.LayerSources?.TryGetValue(diffId.ToString(), out var foreign) == true)
            {
                return foreign;
            }

            throw new ImageFormatException($"docker archive '{archive.Path}' lacks layer file '{name}'");
        }

        var size = archive.LengthOf(name);
        var head = new byte[4];
        Compression compression;
        using (var stream = archive.Open(name))
        {
            var n = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken)
                .ConfigureAwait(false);
            compression = Layers.LayerCompressionStreams.Detect(head.AsSpan(0, n));
        }

        var mediaType = compression switch
        {
            Compression.Gzip => MediaTypes.DockerLayerGzip,
            Compression.Zstd => MediaTypes.OciLayerZstd,
            _ => MediaTypes.DockerLayer,
        };

        Digest digest;
        if (compression == Compression.None)
        {
            digest = diffId;
        }
        else if (TryDigestFromName(name, out var named))
        {
            digest = named;
        }
        else
        {
            using var stream = archive.Open(name);
            digest = await Digest.ComputeAsync(stream, Digest.Sha256, cancellationToken).ConfigureAwait(false);
        }

        return new Descriptor { MediaType = mediaType, Digest = digest, Size = size };
    }

    private static bool TryDigestFromName(string name, out Digest digest)
    {
        var parts = name.TrimStart('.', '/').Split('/');
        digest = default;
        return parts.Length == 3 && parts[0] == "blobs" && Digest.TryParse($"{parts[1]}:{parts[2]}", out digest);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
