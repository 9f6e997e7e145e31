using Snello.Oci.Images;
using Snello.Oci.Model;
using Snello.Oci.Mutations;

namespace Snello.Build.Pipeline;

/// <summary>An OCI index of one image per Debian architecture.</summary>
internal static class ImageIndexes
{
    public static IImageIndex Of(IReadOnlyList<(string Architecture, IImage Image)> images)
    {
        var manifests = images.Select(i => new Descriptor
        {
            MediaType = i.Image.MediaType,
            Digest = i.Image.Digest,
            Size = i.Image.RawManifest.Length,
            Platform = DebianPlatforms.ToOci(i.Architecture),
        }).ToList();
        var index = new ImageIndex { SchemaVersion = 2, MediaType = MediaTypes.OciIndex, Manifests = manifests };
        return new MemoryIndex(index, images.Select(i => (IManifestArtifact)i.Image));
    }
}
