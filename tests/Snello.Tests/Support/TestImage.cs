using System.Text;
using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Model;

namespace Snello.Tests.Support;

/// <summary>An image over in-memory layers; manifest and config are minimal but consistent.</summary>
public sealed class TestImage : IImage
{
    public TestImage(params ILayer[] layers)
    {
        Layers = layers;
        Config = new ImageConfig { RootFs = new RootFs { DiffIds = layers.Select(l => l.DiffId).ToList() } };
        RawConfig = Encoding.UTF8.GetBytes("{}");
        Manifest = new ImageManifest
        {
            MediaType = MediaTypes.OciManifest,
            Config = new Descriptor
            {
                MediaType = MediaTypes.OciConfig,
                Digest = Digest.Compute(RawConfig.Span),
                Size = RawConfig.Length,
            },
            Layers = layers.Select(l => l.Descriptor).ToList(),
        };
        RawManifest = Encoding.UTF8.GetBytes("{\"schemaVersion\":2}");
        Digest = Digest.Compute(RawManifest.Span);
    }

    public string MediaType => MediaTypes.OciManifest;

    public ReadOnlyMemory<byte> RawManifest { get; }

    public Digest Digest { get; }

    public ImageManifest Manifest { get; }

    public ReadOnlyMemory<byte> RawConfig { get; }

    public ImageConfig Config { get; }

    public IReadOnlyList<ILayer> Layers { get; }

    public static TestImage Of(params TarBuilder[] layers) =>
        new(layers.Select(l => (ILayer)TestLayer.FromTar(l.Build())).ToArray());
}
