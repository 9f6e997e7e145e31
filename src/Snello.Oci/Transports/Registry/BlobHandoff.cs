using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Snello.Oci.Transports.Registry;

/// <summary>
/// Hands the bytes of a download that is being written into the blob cache to a reader at the same time, so the
/// first consumer of a layer need not wait for the whole blob. Bounded: the download waits for a slow reader.
/// The reader sees the end only after the cache has verified and stored the blob, and sees the download's
/// failure instead of an end when it failed. A reader that stops early releases the download.
/// </summary>
internal sealed class BlobHandoff
{
    private readonly Channel<byte[]> _chunks = Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(32) { SingleReader = true, SingleWriter = true });

    private ExceptionDispatchInfo? _failure;
    private volatile bool _abandoned;

    /// <summary>Wraps the download so each read is passed on.</summary>
    public Stream Tee(Stream download) => new TeeStream(download, this);

    /// <summary>What the consumer reads.</summary>
    public Stream Reader() => new ReaderStream(this);

    public void Complete(Exception? failure)
    {
        if (failure is not null)
        {
            _failure = ExceptionDispatchInfo.Capture(failure);
        }

        _chunks.Writer.TryComplete();
    }

    private async ValueTask PassAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (_abandoned || data.IsEmpty)
        {
            return;
        }

        await _chunks.Writer.WriteAsync(data.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    private sealed class TeeStream(Stream inner, BlobHandoff handoff) : ReadOnlyStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer,
            CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            await handoff.PassAsync(buffer[..n], cancellationToken).ConfigureAwait(false);
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class ReaderStream(BlobHandoff handoff) : ReadOnlyStream
    {
        private byte[] _current = [];
        private int _offset;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer,
            CancellationToken cancellationToken = default)
        {
            while (_offset == _current.Length)
            {
                if (!await handoff._chunks.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    handoff._failure?.Throw();
                    return 0;
                }

                if (handoff._chunks.Reader.TryRead(out var chunk))
                {
                    (_current, _offset) = (chunk, 0);
                }
            }

            var n = Math.Min(buffer.Length, _current.Length - _offset);
            _current.AsMemory(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // Unblock a download waiting for room; it goes on into the cache alone.
                handoff._abandoned = true;
                while (handoff._chunks.Reader.TryRead(out _))
                {
                }
            }

            base.Dispose(disposing);
        }
    }
}
