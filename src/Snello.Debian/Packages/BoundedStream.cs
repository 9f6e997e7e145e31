namespace Snello.Debian.Packages;

/// <summary>
/// The next <c>length</c> bytes of a stream as a stream of their own; disposing it leaves the inner stream
/// open. Its Position counts the bytes read, which SharpCompress's xz decoder needs.
/// </summary>
internal sealed class BoundedStream(Stream inner, long length) : Stream
{
    private long _read;

    public long Remaining => length - _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException("an ar member cannot seek");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (Remaining <= 0)
        {
            return 0;
        }

        var n = inner.Read(buffer[..(int)Math.Min(buffer.Length, Remaining)]);
        _read += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) =>
        throw new NotSupportedException("an ar member cannot seek");

    public override void SetLength(long value) => throw new NotSupportedException("an ar member is read-only");

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("an ar member is read-only");
}
