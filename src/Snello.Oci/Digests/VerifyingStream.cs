using System.Security.Cryptography;
using Snello.Oci.IO;

namespace Snello.Oci.Digests;

/// <summary>
/// A read-only stream that hashes what passes through it and, at the end of the inner stream, throws
/// <see cref="DigestMismatchException"/> unless the content matched the expected digest and size.
/// A reader that stops early has verified nothing; only a read to the end proves the content.
/// </summary>
public sealed class VerifyingStream : ForwardReadStream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash;
    private readonly Digest _expected;
    private readonly long _expectedSize;
    private readonly string _what;
    private readonly bool _leaveOpen;
    private long _read;
    private bool _verified;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The content to check.</param>
    /// <param name="expected">The digest the content must have.</param>
    /// <param name="expectedSize">The size it must have, or -1 when unknown.</param>
    /// <param name="what">What the content is, for the message: "layer", "config", "blob".</param>
    /// <param name="leaveOpen">Whether disposing this stream leaves <paramref name="inner"/> open.</param>
    public VerifyingStream(Stream inner, Digest expected, long expectedSize, string what, bool leaveOpen = false)
    {
        _inner = inner;
        _expected = expected;
        _expectedSize = expectedSize;
        _what = what;
        _leaveOpen = leaveOpen;
        _hash = Digest.CreateHash(expected.Algorithm);
    }

    /// <summary>Bytes read so far.</summary>
    public long BytesRead => _read;

    /// <inheritdoc />
    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var n = _inner.Read(buffer);
        Account(buffer[..n], buffer.Length);
        return n;
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Account(buffer.Span[..n], buffer.Length);
        return n;
    }

    private void Account(ReadOnlySpan<byte> data, int asked)
    {
        if (data.Length == 0)
        {
            // Zero bytes for a non-empty buffer is the end of the inner stream.
            if (asked > 0)
            {
                Verify();
            }

            return;
        }

        _read += data.Length;
        if (_expectedSize >= 0 && _read > _expectedSize)
        {
            throw new DigestMismatchException(_what, _expected, _expectedSize, _read);
        }

        _hash.AppendData(data);
    }

    private void Verify()
    {
        if (_verified)
        {
            return;
        }

        _verified = true;
        if (_expectedSize >= 0 && _read != _expectedSize)
        {
            throw new DigestMismatchException(_what, _expected, _expectedSize, _read);
        }

        var actual = Digest.FromHash(_expected.Algorithm, _hash.GetHashAndReset());
        if (actual != _expected)
        {
            throw new DigestMismatchException(_what, _expected, actual);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
