using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Snello.Oci.FileSystems;

/// <summary>
/// Reads a stream on a thread of its own, a few chunks ahead of the reader, so decompressing and hashing a
/// layer overlaps with writing its files. What the source throws (a digest mismatch at its end, corrupt
/// data) reaches the reader after the bytes read before it, as a direct read would. At most
/// <see cref="Chunks"/> chunks are read ahead, so limits charged by the reader stay within a few megabytes.
/// </summary>
internal sealed class ReadAheadStream : Stream
{
    private const int Chunks = 4;
    private const int ChunkSize = 256 * 1024;

    private readonly Stream _source;
    private readonly BlockingCollection<byte[]> _free = new(Chunks + 1);
    private readonly BlockingCollection<(byte[] Buffer, int Count)> _filled = new(Chunks);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _producer;
    private ExceptionDispatchInfo? _error;
    private byte[]? _current;
    private int _offset;
    private int _count;
    private bool _ended;

    public ReadAheadStream(Stream source)
    {
        _source = source;
        for (var i = 0; i < Chunks + 1; i++)
        {
            _free.Add(new byte[ChunkSize]);
        }

        _producer = new Thread(Produce) { IsBackground = true, Name = "snello layer read-ahead" };
        _producer.Start();
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_offset == _count && !NextChunk())
        {
            return 0;
        }

        var n = Math.Min(buffer.Length, _count - _offset);
        _current.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    private bool NextChunk()
    {
        if (_current is not null)
        {
            _free.Add(_current);
            _current = null;
        }

        if (_ended)
        {
            return false;
        }

        if (!_filled.TryTake(out var chunk, Timeout.Infinite))
        {
            _ended = true;
            _error?.Throw();
            return false;
        }

        (_current, _offset, _count) = (chunk.Buffer, 0, chunk.Count);
        return _count > 0 || NextChunk();
    }

    private void Produce()
    {
        byte[]? buffer = null;
        var filled = 0;
        try
        {
            var ended = false;
            while (!ended)
            {
                buffer = _free.Take(_stop.Token);
                filled = 0;
                int n;
                while (filled < buffer.Length && (n = _source.Read(buffer.AsSpan(filled))) > 0)
                {
                    filled += n;
                }

                // A short chunk means the source returned 0: it is at its end and has checked its digests.
                ended = filled < buffer.Length;
                _filled.Add((buffer, filled), _stop.Token);
                buffer = null;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The reader went away.
        }
        catch (Exception e)
        {
            _error = ExceptionDispatchInfo.Capture(e);
            if (buffer is not null && filled > 0)
            {
                // The bytes read before the failure come first, as they would from the source itself.
                _filled.Add((buffer, filled));
            }
        }
        finally
        {
            _filled.CompleteAdding();
        }
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
            _stop.Cancel();
            _producer.Join();
            _source.Dispose();
            _stop.Dispose();
            _free.Dispose();
            _filled.Dispose();
        }

        base.Dispose(disposing);
    }
}
