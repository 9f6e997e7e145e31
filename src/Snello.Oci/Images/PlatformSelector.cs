using Snello.Oci.Model;

namespace Snello.Oci.Images;

/// <summary>Picks the image for one platform out of an index.</summary>
public static class PlatformSelector
{
    /// <summary>
    /// Resolves an artifact to one image: an image is returned as it is (after checking its platform when one
    /// was asked for); an index is searched, nested indexes included, for the first manifest the platform accepts.
    /// </summary>
    /// <param name="artifact">What a transport read.</param>
    /// <param name="platform">The wanted platform; null means the host's.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="PlatformNotFoundException">No manifest matches; the message lists those available.</exception>
    public static async Task<IImage> SelectAsync(IManifestArtifact artifact, Platform? platform,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var wanted = platform ?? Platform.Host;
        switch (artifact)
        {
            case IImage image when platform is null || wanted.Accepts(image.Config.Platform):
                return image;
            case IImage image:
                throw new PlatformNotFoundException(wanted, [image.Config.Platform]);
            case IImageIndex index:
                var found = await FindAsync(index, wanted, cancellationToken).ConfigureAwait(false);
                return found ?? throw new PlatformNotFoundException(wanted, Available(index.Index));
            default:
                throw new ArgumentException($"unknown artifact type '{artifact.GetType()}'", nameof(artifact));
        }
    }

    private static async Task<IImage?> FindAsync(IImageIndex index, Platform wanted,
        CancellationToken cancellationToken)
    {
        foreach (var descriptor in index.Index.Manifests)
        {
            var nested = MediaTypes.IsIndex(descriptor.MediaType);
            if (!nested && (descriptor.Platform is null || !wanted.Accepts(descriptor.Platform)))
            {
                continue;
            }

            var artifact = await index.GetManifestAsync(descriptor, cancellationToken).ConfigureAwait(false);
            if (artifact is IImageIndex inner)
            {
                var found = await FindAsync(inner, wanted, cancellationToken).ConfigureAwait(false);
                if (found is not null)
                {
                    return found;
                }
            }
            else if (artifact is IImage image)
            {
                return image;
            }
        }

        return null;
    }

    private static List<Platform> Available(ImageIndex index) =>
        index.Manifests.Where(m => m.Platform is not null).Select(m => m.Platform!).ToList();
}
