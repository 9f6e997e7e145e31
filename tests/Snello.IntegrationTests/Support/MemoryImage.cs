using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Layers;
using Snello.Oci.Model;

namespace Snello.IntegrationTests.Support;

/// <summary>An image over gzip layers held in memory, each a tar written by System.Formats.Tar.</summary>
public sealed class MemoryImage : IImage
{
    public MemoryImage(params IReadOnlyList<TarEntry>[] layers)
    {
        Layers = layers.Select(entries => (ILayer)new MemoryLayer(Tar(entries))).ToList();
        Config = new ImageConfig { RootFs = new RootFs { DiffIds = Layers.Select(l => l.DiffId).ToList() } };
        RawConfig = "{}"u8.ToArray();
        Manifest = new ImageManifest
        {
            Config = new Descriptor { MediaType = MediaTypes.OciConfig, Digest = Digest.Compute("{}"u8), Size = 2 },
            Layers = Layers.Select(l => l.Descriptor).ToList(),
        };
        RawManifest = Encoding.UTF8.GetBytes("{}");
        Digest = Digest.Compute(RawManifest.Span);
    }

    public string MediaType => MediaTypes.OciManifest;

    public ReadOnlyMemory<byte> RawManifest { get; }

    public Digest Digest { get; }

    public ImageManifest Manifest { get; }

    public ReadOnlyMemory<byte> RawConfig { get; }

    public ImageConfig Config { get; }

    public IReadOnlyList<ILayer> Layers { get; }

    private static byte[] Tar(IReadOnlyList<TarEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                writer.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    private sealed class MemoryLayer : ILayer
    {
        private readonly byte[] _stored;

        public MemoryLayer(byte[] tar)
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(tar);
            }

            _stored = buffer.ToArray();
            Descriptor = new Descriptor
            {
                MediaType = MediaTypes.OciLayerGzip,
                Digest = Digest.Compute(_stored),
                Size = _stored.Length,
            };
            DiffId = Digest.Compute(tar);
        }

        public Descriptor Descriptor { get; }

        public Digest DiffId { get; }

        public Task<Stream> OpenCompressedAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<Stream>(new VerifyingStream(new MemoryStream(_stored), Descriptor.Digest,
                Descriptor.Size, "layer"));

        public async Task<Stream> OpenUncompressedAsync(CancellationToken cancellationToken = default)
        {
            var stored = await OpenCompressedAsync(cancellationToken);
            var tar = await LayerCompressionStreams.OpenDecompressedAsync(stored, $"layer '{Descriptor.Digest}'",
                cancellationToken);
            return new VerifyingStream(tar, DiffId, -1, "uncompressed layer");
        }
    }
}
