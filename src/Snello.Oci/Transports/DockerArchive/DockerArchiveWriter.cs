using System.Formats.Tar;
using System.Text;
using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Json;
using Snello.Oci.Model;
using Snello.Oci.References;

namespace Snello.Oci.Transports.DockerArchive;

/// <summary>
/// Writes <c>docker-archive:FILE[:REF]</c> in the classic layout every Docker engine loads: each layer
/// uncompressed as <c>DIFFID/layer.tar</c>, the config as <c>CONFIGDIGEST.json</c>, and <c>manifest.json</c>
/// with the reference as its RepoTag. The format has no manifest: the config digest and the diff IDs are kept,
/// the manifest digest is not. The archive is written to a temporary sibling and renamed onto FILE.
/// </summary>
public sealed class DockerArchiveWriter : IImageWriter
{
    /// <summary>Creates the writer.</summary>
    public DockerArchiveWriter(ImageLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        Location = location;
    }

    /// <inheritdoc />
    public ImageLocation Location { get; }

    /// <inheritdoc />
    public async Task<WriteResult> WriteAsync(IManifestArtifact artifact, CancellationToken cancellationToken = default)
    {
        if (artifact is not IImage image)
        {
            throw new ImageFormatException($"'{Location}' can hold single images only, and '{artifact.Digest}' is " +
                "an index; pick one image with --platform");
        }

        var target = Path.GetFullPath(Location.Path!);
        if (Directory.Exists(target))
        {
            throw new ImageFormatException($"'{target}' is a folder; docker-archive: writes a file");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Path.Combine(Path.GetDirectoryName(target)!,
            $".{Path.GetFileName(target)}.snello-{Guid.NewGuid():N}");
        try
        {
            long bytes;
            var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16,
                FileOptions.Asynchronous);
            await using (output.ConfigureAwait(false))
            {
                var reference = Location.Tag is null ? null : ImageReference.Parse(Location.Tag);
                bytes = await WriteArchiveAsync(image, reference, output, temp + ".layer", keepGzip: false,
                    cancellationToken)
                    .ConfigureAwait(false);
            }

            File.Move(temp, target, overwrite: true);
            return new WriteResult(null, image.Manifest.Config.Digest, image.Layers.Count + 1, 0, bytes);
        }
        finally
        {
            File.Delete(temp);
            File.Delete(temp + ".layer");
        }
    }

    /// <summary>
    /// Writes the archive of one image to <paramref name="output"/>, which need not seek (the Docker engine's
    /// load endpoint reads it from a request body). An uncompressed layer is copied as it is stored; a
    /// compressed one is decompressed through the file <paramref name="scratch"/> (deleted when the layer is
    /// written), unless <paramref name="keepGzip"/> lets gzip layers through compressed, as the engine's load
    /// accepts them. Returns the bytes of layers and config written.
    /// </summary>
    internal static async Task<long> WriteArchiveAsync(IImage image, ImageReference? reference, Stream output,
        string scratch, bool keepGzip, CancellationToken cancellationToken)
    {
        var writer = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            long bytes = 0;
            var layerNames = new List<string>();
            var written = new HashSet<Digest>();
            foreach (var layer in image.Layers)
            {
                var id = layer.DiffId.Encoded;
                layerNames.Add($"{id}/layer.tar");
                if (!written.Add(layer.DiffId))
                {
                    continue;
                }

                await WriteDirectoryAsync(writer, id, cancellationToken).ConfigureAwait(false);
                await WriteFileAsync(writer, $"{id}/VERSION", "1.0"u8.ToArray(), cancellationToken)
                    .ConfigureAwait(false);
                var legacy = Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\"}}");
                await WriteFileAsync(writer, $"{id}/json", legacy, cancellationToken).ConfigureAwait(false);
                var compression = MediaTypes.LayerCompression(layer.Descriptor.MediaType);
                bytes += compression == Compression.None || (keepGzip && compression == Compression.Gzip)
                    ? await WriteStoredLayerAsync(writer, layer, $"{id}/layer.tar", cancellationToken)
                        .ConfigureAwait(false)
                    : await WriteLayerAsync(writer, layer, $"{id}/layer.tar", scratch, cancellationToken)
                        .ConfigureAwait(false);
            }

            var configName = $"{image.Manifest.Config.Digest.Encoded}.json";
            await WriteFileAsync(writer, configName, image.RawConfig.ToArray(), cancellationToken)
                .ConfigureAwait(false);

            var repoTag = reference?.FamiliarName;
            var entry = new DockerArchiveEntry
            {
                Config = configName,
                RepoTags = repoTag is null ? null : [repoTag],
                Layers = layerNames,
            };
            await WriteFileAsync(writer, "manifest.json", OciJson.Serialize(new List<DockerArchiveEntry> { entry }),
                cancellationToken).ConfigureAwait(false);

            if (repoTag is not null && image.Layers.Count > 0)
            {
                var colon = repoTag.LastIndexOf(':');
                var repositories = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
                {
                    [repoTag[..colon]] = new(StringComparer.Ordinal)
                    {
                        [repoTag[(colon + 1)..]] = image.Layers[^1].DiffId.Encoded,
                    },
                };
                await WriteFileAsync(writer, "repositories", OciJson.Serialize(repositories), cancellationToken)
                    .ConfigureAwait(false);
            }

            return bytes + image.RawConfig.Length;
        }
    }

    private static async Task<long> WriteStoredLayerAsync(TarWriter writer, ILayer layer, string name,
        CancellationToken cancellationToken)
    {
        // The stored blob's size is known, so it goes into the archive as it is read, with no scratch copy; the
        // stream verifies its digest at its end, which fails the write before anything refers to a bad layer.
        var blob = await layer.OpenCompressedAsync(cancellationToken).ConfigureAwait(false);
        var stream = new KnownLengthStream(blob, layer.Descriptor.Size);
        await using (stream.ConfigureAwait(false))
        {
            await writer.WriteEntryAsync(LayerEntry(name, layer.Descriptor.Size, stream), cancellationToken)
                .ConfigureAwait(false);
            return layer.Descriptor.Size;
        }
    }

    private static TarEntry LayerEntry(string name, long size, Stream data)
    {
        var format = size >= (8L << 30) - 1 ? TarEntryFormat.Pax : TarEntryFormat.Ustar;
        TarEntry entry = format == TarEntryFormat.Pax
            ? new PaxTarEntry(TarEntryType.RegularFile, name)
            : new UstarTarEntry(TarEntryType.RegularFile, name);
        entry.Mode = (UnixFileMode)0b110_100_100;
        entry.ModificationTime = DateTimeOffset.UnixEpoch;
        entry.DataStream = data;
        return entry;
    }

    private static async Task<long> WriteLayerAsync(TarWriter writer, ILayer layer, string name, string scratch,
        CancellationToken cancellationToken)
    {
        // A tar header needs the size before the data, so the uncompressed layer goes through a scratch file;
        // reading the layer to its end there checks its diff ID before anything refers to it.
        var file = new FileStream(scratch, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await using (file.ConfigureAwait(false))
        {
            var tar = await layer.OpenUncompressedAsync(cancellationToken).ConfigureAwait(false);
            await using (tar.ConfigureAwait(false))
            {
                await tar.CopyToAsync(file, 1 << 16, cancellationToken).ConfigureAwait(false);
            }

            file.Position = 0;
            await writer.WriteEntryAsync(LayerEntry(name, file.Length, file), cancellationToken)
                .ConfigureAwait(false);
            return file.Length;
        }
    }

    private static Task WriteDirectoryAsync(TarWriter writer, string name, CancellationToken cancellationToken) =>
        writer.WriteEntryAsync(new UstarTarEntry(TarEntryType.Directory, name + "/")
        {
            Mode = (UnixFileMode)0b111_101_101,
            ModificationTime = DateTimeOffset.UnixEpoch,
        }, cancellationToken);

    private static async Task WriteFileAsync(TarWriter writer, string name, byte[] content,
        CancellationToken cancellationToken)
    {
        using var data = new MemoryStream(content, writable: false);
        var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = (UnixFileMode)0b110_100_100,
            ModificationTime = DateTimeOffset.UnixEpoch,
            DataStream = data,
        };
        await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
    }
}
