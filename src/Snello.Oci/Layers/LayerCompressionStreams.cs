using System.IO.Compression;
using Snello.Oci.Model;
using ZstdSharp;

namespace Snello.Oci.Layers;

/// <summary>Opens decompressing and compressing streams for layer blobs.</summary>
public static class LayerCompressionStreams
{
    private static ReadOnlySpan<byte> GzipMagic => [0x1f, 0x8b];

    private static ReadOnlySpan<byte> ZstdMagic => [0x28, 0xb5, 0x2f, 0xfd];

    /// <summary>
    /// Wraps <paramref name="stored"/> in the decompressor its first bytes call for. The content decides, not
    /// the media type: archives hold gzip under uncompressed names and the reverse. At the end of the
    /// decompressed stream the stored one is read to its end, so its digest is checked.
    /// </summary>
    /// <param name="stored">The blob as stored.</param>
    /// <param name="description">What the blob is, for errors: "layer 'sha256:…'".</param>
    /// <param name="cancellationToken">Cancels the first read.</param>
    public static async Task<Stream> OpenDecompressedAsync(Stream stored, string description = "layer",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var head = new byte[4];
        var filled = 0;
        while (filled < head.Length)
        {
            var n = await stored.ReadAsync(head.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            filled += n;
        }

        var prefixed = new PrefixedStream(head.AsMemory(0, filled), stored);
        var compression = Detect(head.AsSpan(0, filled));
        return compression switch
        {
            Compression.Gzip => new DrainOnEndStream(new GZipStream(prefixed, CompressionMode.Decompress), prefixed,
                $"{description} is not valid gzip"),
            Compression.Zstd => new DrainOnEndStream(new DecompressionStream(prefixed), prefixed,
                $"{description} is not valid zstd"),
            _ => prefixed,
        };
    }

    /// <summary>Tells the compression from a blob's first bytes.</summary>
    public static Compression Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(GzipMagic))
        {
            return Compression.Gzip;
        }

        return head.StartsWith(ZstdMagic) ? Compression.Zstd : Compression.None;
    }

    /// <summary>A write stream that compresses into <paramref name="destination"/>.</summary>
    public static Stream OpenCompressor(Stream destination, Compression compression, bool leaveOpen = true) =>
        compression switch
        {
            Compression.Gzip => new GZipStream(destination, CompressionLevel.Fastest, leaveOpen),
            Compression.Zstd => new CompressionStream(destination, level: 3, leaveOpen: leaveOpen),
            Compression.None => leaveOpen ? new NonClosingStream(destination) : destination,
            _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "no compressor for it"),
        };
}
