namespace Snello.Debian.Archive;

/// <summary>
/// A read-only view of a stream that counts the bytes read as its Position, for decoders (SharpCompress's
/// xz) that ask for Position even of network streams. Disposing it leaves the inner stream open.
/// </summary>
internal sealed class PositionCountingStream(Stream inner) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("the length of a counted stream is unknown");

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("a counted stream cannot seek");
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        _position += read;
        return read;
    }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) =>
        throw new NotSupportedException("a counted stream cannot seek");

    public override void SetLength(long value) => throw new NotSupportedException("a counted stream is read-only");

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("a counted stream is read-only");
}
