using Microsoft.Extensions.Logging;
using Snello.Oci.Model;

namespace Snello.Oci.Registry;

/// <summary>
/// A blob's body that survives cut and stalled connections: each read has the stall timeout, and a failed read
/// is followed by a new request with <c>Range: bytes=N-</c> from the last byte received, up to the retry
/// policy's attempts. It does not verify; a <see cref="Digests.VerifyingStream"/> around it does.
/// </summary>
internal sealed class ResumingBlobStream : Stream
{
    private readonly RegistryClient _client;
    private readonly string _repository;
    private readonly Descriptor _descriptor;
    private readonly ILogger _logger;
    private HttpResponseMessage _response;
    private Stream _body;
    private long _position;
    private int _failures;

    public ResumingBlobStream(RegistryClient client, string repository, Descriptor descriptor,
        HttpResponseMessage response, Stream body, ILogger logger)
    {
        _client = client;
        _repository = repository;
        _descriptor = descriptor;
        _response = response;
        _body = body;
        _logger = logger;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var options = _client.Options;
        while (true)
        {
            try
            {
                using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                stall.CancelAfter(options.StallTimeout);
                var n = await _body.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
                if (n == 0 && buffer.Length > 0 && _position < _descriptor.Size)
                {
                    throw new IOException($"the body ended after {_position} of {_descriptor.Size} bytes");
                }

                _position += n;
                return n;
            }
            catch (Exception e) when (RegistryClient.IsTransportFailure(e, cancellationToken) &&
                e is not RegistryException)
            {
                _failures++;
                var reason = _client.Describe(e);
                if (_failures >= options.Retry.MaxAttempts)
                {
                    throw new RegistryUnreachableException(_client.Registry, $"blob '{_descriptor.Digest}' of " +
                        $"'{_repository}': {reason} at byte {_position} of {_descriptor.Size} " +
                        $"(after {_failures} attempts)", null, e);
                }

                var wait = options.Retry.Delay(_failures);
                _logger.LogDebug("registry {Registry}: blob {Digest} cut at byte {Position} ({Reason}); resuming " +
                    "in {Wait} ms", _client.Registry, _descriptor.Digest, _position, reason,
                    (long)wait.TotalMilliseconds);
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                await ReopenAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ReopenAsync(CancellationToken cancellationToken)
    {
        await _body.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
        (_response, _body) = await _client.RequestBlobAsync(_repository, _descriptor, _position, cancellationToken)
            .ConfigureAwait(false);
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
            _body.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }
}
