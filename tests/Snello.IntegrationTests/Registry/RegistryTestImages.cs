using Snello.IntegrationTests.Infrastructure;
using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Json;
using Snello.Oci.Model;
using Snello.Oci.Mutations;
using Snello.Oci.Transports;
using Snello.Oci.Transports.Oci;

namespace Snello.IntegrationTests.Registry;

/// <summary>Images for the registry tests, on top of <see cref="TestImages"/>.</summary>
public static class RegistryTestImages
{
    /// <summary>
    /// An OCI index of the test image for the host's architecture and for a second one (the same layers under a
    /// config that names the other architecture), written to <c>oci:DIR:TAG</c>.
    /// </summary>
    public static async Task<(string Location, IImageIndex Index)> WriteIndexAsync(string dir, string tag = "multi")
    {
        var host = await TestImages.CreateAsync();
        var other = Retarget(host, Platform.Host.Architecture == "arm64" ? "amd64" : "arm64");
        var images = new IImage[] { host, other };
        var index = new MemoryIndex(new ImageIndex
        {
            MediaType = MediaTypes.OciIndex,
            Manifests = images.Select(i => ArtifactWalker.DescriptorOf(i)).ToList(),
        }, images);
        var location = ImageLocation.Parse($"oci:{dir}:{tag}");
        await new OciLayoutWriter(location).WriteAsync(index);
        return (location.ToString(), index);
    }

    private static MemoryImage Retarget(IImage image, string architecture)
    {
        var config = OciJson.Serialize(image.Config with { Architecture = architecture });
        var manifest = image.Manifest with
        {
            Config = image.Manifest.Config with { Digest = Digest.Compute(config), Size = config.Length },
        };
        return new MemoryImage(manifest, config, image.Layers);
    }
}
