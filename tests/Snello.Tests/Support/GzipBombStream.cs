using System.IO.Compression;

namespace Snello.Tests.Support;

/// <summary>
/// A gzip stream of a prefix followed by a great many zero bytes, compressed as it is read, so a 10 GB bomb
/// costs only what the reader pulls from it.
/// </summary>
public sealed class GzipBombStream : Stream
{
    private readonly byte[] _prefix;
    private readonly long _zeros;
    private readonly MemoryStream _compressed = new();
    private readonly GZipStream _gzip;
    private readonly byte[] _chunk = new byte[64 * 1024];
    private long _fed;
    private bool _finished;
    private int _position;

    public GzipBombStream(byte[] prefix, long zeros)
    {
        _prefix = prefix;
        _zeros = zeros;
        _gzip = new GZipStream(_compressed, CompressionLevel.Fastest, leaveOpen: true);
    }

    /// <summary>Uncompressed bytes fed to the compressor so far.</summary>
    public long Fed => _fed;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_position == _compressed.Length && !_finished)
        {
            _compressed.SetLength(0);
            _position = 0;
            Feed();
        }

        var available = (int)Math.Min(count, _compressed.Length - _position);
        Array.Copy(_compressed.GetBuffer(), _position, buffer, offset, available);
        _position += available;
        return available;
    }

    private void Feed()
    {
        if (_fed == 0 && _prefix.Length > 0)
        {
            _gzip.Write(_prefix);
            _fed += _prefix.Length;
            return;
        }

        var left = _zeros - (_fed - _prefix.Length);
        if (left <= 0)
        {
            _gzip.Dispose();
            _finished = true;
            return;
        }

        var n = (int)Math.Min(_chunk.Length, left);
        _gzip.Write(_chunk, 0, n);
        _gzip.Flush();
        _fed += n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _compressed.Dispose();
        }

        base.Dispose(disposing);
    }
}
