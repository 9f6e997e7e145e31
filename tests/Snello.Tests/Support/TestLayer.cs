using System.IO.Compression;
using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Layers;
using Snello.Oci.Model;

namespace Snello.Tests.Support;

/// <summary>A layer held in memory: tar bytes, gzip-compressed by default, verified like a real blob.</summary>
public sealed class TestLayer : ILayer
{
    private readonly byte[] _stored;
    private readonly Func<Stream>? _open;

    private readonly bool _verifyDiffId;

    private TestLayer(byte[] stored, Descriptor descriptor, Digest diffId, Func<Stream>? open = null,
        bool verifyDiffId = false)
    {
        _stored = stored;
        _open = open;
        _verifyDiffId = verifyDiffId || open is null;
        Descriptor = descriptor;
        DiffId = diffId;
    }

    public Descriptor Descriptor { get; }

    public Digest DiffId { get; }

    /// <summary>How often the uncompressed stream was opened.</summary>
    public int Opened { get; private set; }

    public static TestLayer FromTar(byte[] tar, bool gzip = true)
    {
        var stored = gzip ? Gzip(tar) : tar;
        var descriptor = new Descriptor
        {
            MediaType = gzip ? MediaTypes.OciLayerGzip : MediaTypes.OciLayer,
            Digest = Digest.Compute(stored),
            Size = stored.Length,
        };
        return new TestLayer(stored, descriptor, Digest.Compute(tar));
    }

    /// <summary>A layer whose stored bytes no longer match the digest its descriptor names.</summary>
    public static TestLayer Tampered(byte[] tar, byte[] replacement)
    {
        var honest = FromTar(tar);
        return new TestLayer(Gzip(replacement), honest.Descriptor with { Size = -1 }, honest.DiffId);
    }

    /// <summary>
    /// A layer whose source changes after the first read: later reads get <paramref name="later"/> under the
    /// honest descriptor, as a blob rewritten on disk between two reads would.
    /// </summary>
    public static TestLayer ChangingAfterFirstRead(byte[] tar, byte[] later)
    {
        var honest = FromTar(tar);
        var forged = Gzip(later);
        var reads = 0;
        return new TestLayer([], honest.Descriptor, honest.DiffId, () => new VerifyingStream(
            new MemoryStream(reads++ == 0 ? honest._stored : forged), honest.Descriptor.Digest, -1, "layer"),
            verifyDiffId: true);
    }

    /// <summary>A layer read from a stream made on demand, without digest checks (for bombs).</summary>
    public static TestLayer Unverified(Func<Stream> open) =>
        new([], new Descriptor { MediaType = MediaTypes.OciLayerGzip, Digest = Digest.Compute("bomb"u8), Size = -1 },
            Digest.Compute("bomb"u8), open);

    public static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    public Task<Stream> OpenCompressedAsync(CancellationToken cancellationToken = default)
    {
        Stream stream = _open is not null
            ? _open()
            : new VerifyingStream(new MemoryStream(_stored), Descriptor.Digest, Descriptor.Size, "layer");
        return Task.FromResult(stream);
    }

    public async Task<Stream> OpenUncompressedAsync(CancellationToken cancellationToken = default)
    {
        Opened++;
        var stored = await OpenCompressedAsync(cancellationToken);
        var tar = await LayerCompressionStreams.OpenDecompressedAsync(stored, $"layer '{Descriptor.Digest}'",
            cancellationToken);
        return !_verifyDiffId
            ? tar
            : new VerifyingStream(tar, DiffId, -1, $"uncompressed layer {Descriptor.Digest} with diff ID");
    }
}
