using Microsoft.Extensions.Logging;
using Snello.Oci.Images;
using Snello.Oci.Model;

namespace Snello.Oci.Transports.Oci;

/// <summary>Reads <c>oci:DIR[:TAG]</c>.</summary>
public sealed class OciLayoutReader : IImageReader
{
    private readonly OciLayout _layout;

    /// <summary>Creates the reader; nothing is read until <see cref="ReadAsync"/>.</summary>
    public OciLayoutReader(ImageLocation location, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        Location = location;
        _layout = new OciLayout(location.Path!, logger);
    }

    /// <inheritdoc />
    public ImageLocation Location { get; }

    /// <inheritdoc />
    public Task<IManifestArtifact> ReadAsync(CancellationToken cancellationToken = default)
    {
        var (index, raw) = _layout.ReadIndex();
        return ReadFromAsync(index, raw, _layout, Location.Tag, _layout.Root, cancellationToken);
    }

    /// <summary>
    /// Finds the manifest a tag names in a layout's index. Without a tag, a layout with one manifest gives it;
    /// a layout whose manifests carry no names at all is read as one index (a multi-platform layout).
    /// </summary>
    internal static async Task<IManifestArtifact> ReadFromAsync(ImageIndex index, byte[] raw, IBlobSource layout,
        string? tag, string shownAs, CancellationToken cancellationToken)
    {
        Descriptor? chosen;
        if (tag is not null)
        {
            chosen = index.Manifests.LastOrDefault(m => m.Annotation(OciLayout.RefNameAnnotation) == tag)
                ?? throw new ImageFormatException($"'{shownAs}' has no image tagged '{tag}'; tags: " + Tags(index));
        }
        else if (index.Manifests.Count == 1)
        {
            chosen = index.Manifests[0];
        }
        else if (index.Manifests.Count > 0 &&
                 index.Manifests.All(m => m.Annotation(OciLayout.RefNameAnnotation) is null))
        {
            return BlobIndex.Load(MediaTypes.OciIndex, raw, layout);
        }
        else
        {
            throw new ImageFormatException(index.Manifests.Count == 0
                ? $"'{shownAs}' holds no image"
                : $"'{shownAs}' holds {index.Manifests.Count} images; name one as ':TAG'; tags: " + Tags(index));
        }

        var manifest = await BlobImage.ReadBlobAsync(layout, chosen, cancellationToken).ConfigureAwait(false);
        return await ManifestLoader.LoadAsync(manifest, chosen.MediaType, layout, cancellationToken)
            .ConfigureAwait(false);
    }

    private static string Tags(ImageIndex index)
    {
        var tags = index.Manifests.Select(m => m.Annotation(OciLayout.RefNameAnnotation)).OfType<string>().ToList();
        return tags.Count == 0 ? "none" : string.Join(", ", tags.Select(t => $"'{t}'"));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
