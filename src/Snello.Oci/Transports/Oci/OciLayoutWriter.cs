using Microsoft.Extensions.Logging;
using Snello.Oci.Images;

namespace Snello.Oci.Transports.Oci;

/// <summary>
/// Writes <c>oci:DIR[:TAG]</c>. Blobs land first, each verified and renamed into place; <c>index.json</c> is
/// updated last, so a failed write leaves the layout as it was (plus unreferenced blobs). A folder the write
/// created is removed again on failure.
/// </summary>
public sealed class OciLayoutWriter : IImageWriter
{
    private readonly ILogger? _logger;

    /// <summary>Creates the writer.</summary>
    public OciLayoutWriter(ImageLocation location, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        Location = location;
        _logger = logger;
    }

    /// <inheritdoc />
    public ImageLocation Location { get; }

    /// <inheritdoc />
    public async Task<WriteResult> WriteAsync(IManifestArtifact artifact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var layout = new OciLayout(Location.Path!, _logger);
        var created = !Directory.Exists(layout.Root);
        if (!created && !layout.Exists && Directory.EnumerateFileSystemEntries(layout.Root).Any())
        {
            throw new ImageFormatException($"'{layout.Root}' exists and is not an OCI layout; name an empty or " +
                "new folder, or an existing layout");
        }

        try
        {
            var result = await WriteIntoAsync(layout, artifact, Location.Tag, cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch when (created)
        {
            Directory.Delete(layout.Root, recursive: true);
            throw;
        }
    }

    /// <summary>Writes an artifact's blobs into a layout and names it in the index.</summary>
    internal static async Task<WriteResult> WriteIntoAsync(OciLayout layout, IManifestArtifact artifact, string? tag,
        CancellationToken cancellationToken)
    {
        layout.Initialize();
        int written = 0, skipped = 0;
        long bytes = 0;
        await ArtifactWalker.WalkAsync(artifact, async (blob, ct) =>
        {
            if (await layout.WriteBlobAsync(blob.Descriptor, blob.Open, ct).ConfigureAwait(false))
            {
                written++;
                bytes += blob.Descriptor.Size;
            }
            else
            {
                skipped++;
            }
        }, cancellationToken).ConfigureAwait(false);

        await layout.AddManifestAsync(ArtifactWalker.DescriptorOf(artifact), tag, cancellationToken)
            .ConfigureAwait(false);
        var config = artifact is IImage image ? image.Manifest.Config.Digest : (Digests.Digest?)null;
        return new WriteResult(artifact.Digest, config, written, skipped, bytes);
    }
}
