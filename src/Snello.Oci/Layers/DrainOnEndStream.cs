using Snello.Oci.IO;

namespace Snello.Oci.Layers;

/// <summary>
/// Reads a decompressed stream; at its end, reads the stored stream under it to its end too. A decompressor
/// may stop before the last bytes of its input (gzip trailers, zstd skippable frames), and only a stored stream
/// read to its end has had its digest checked. When decompression fails, the stored stream is read to its end
/// as well, so a blob that was changed is reported as a digest mismatch rather than as corrupt data.
/// </summary>
internal sealed class DrainOnEndStream(Stream decompressed, Stream stored, string problem) : ForwardReadStream
{
    private bool _drained;

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = decompressed.Read(buffer);
        }
        catch (Exception e) when (IsCorruption(e))
        {
            _drained = true;
            stored.CopyTo(Null);
            throw Corrupt(e);
        }

        if (n == 0 && buffer.Length > 0 && !_drained)
        {
            _drained = true;
            stored.CopyTo(Null);
        }

        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n;
        try
        {
            n = await decompressed.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsCorruption(e))
        {
            _drained = true;
            await stored.CopyToAsync(Null, cancellationToken).ConfigureAwait(false);
            throw Corrupt(e);
        }

        if (n == 0 && buffer.Length > 0 && !_drained)
        {
            _drained = true;
            await stored.CopyToAsync(Null, cancellationToken).ConfigureAwait(false);
        }

        return n;
    }

    private static bool IsCorruption(Exception e) =>
        e is InvalidDataException or ZstdSharp.ZstdException or EndOfStreamException;

    private ImageFormatException Corrupt(Exception e) =>
        new($"{problem}: {e.Message}", e);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            decompressed.Dispose();
            stored.Dispose();
        }

        base.Dispose(disposing);
    }
}
