using Snello.Oci.Images;
using Snello.Oci.Json;
using Snello.Oci.Model;
using Snello.Oci.Transports.Oci;

namespace Snello.Oci.Transports.Archives;

/// <summary>Reads <c>oci-archive:FILE[:TAG]</c> in place, without extracting it.</summary>
public sealed class OciArchiveReader : IImageReader
{
    /// <summary>Creates the reader; nothing is read until <see cref="ReadAsync"/>.</summary>
    public OciArchiveReader(ImageLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        Location = location;
    }

    /// <inheritdoc />
    public ImageLocation Location { get; }

    /// <inheritdoc />
    public Task<IManifestArtifact> ReadAsync(CancellationToken cancellationToken = default)
    {
        var path = System.IO.Path.GetFullPath(Location.Path!);
        var archive = TarArchiveIndex.Open(path, "OCI archive");
        if (!archive.Contains("index.json"))
        {
            throw new ImageFormatException($"'{path}' is not an OCI archive: it has no index.json");
        }

        var raw = archive.ReadAll("index.json", 64L << 20);
        var index = OciJson.Deserialize<ImageIndex>(raw, $"index.json of '{path}'");
        return OciLayoutReader.ReadFromAsync(index, raw, new ArchiveLayoutSource(archive), Location.Tag, path,
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
