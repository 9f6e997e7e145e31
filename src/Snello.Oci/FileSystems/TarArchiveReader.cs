using ZstdSharp;

namespace Snello.Oci.FileSystems;

/// <summary>
/// Reads the members of one layer's tar stream: POSIX ustar, PAX (local and global) and GNU long names.
/// Written for hostile input: every byte read is charged to the <see cref="ExtractionBudget"/>, metadata
/// headers are bounded, a short read is an error naming the layer, and PAX values stay raw bytes until a field
/// needs text (xattr values are never decoded).
/// </summary>
internal sealed partial class TarArchiveReader
{
    /// <summary>PAX and GNU long-name headers larger than this are refused: no real path or xattr needs it.</summary>
    internal const int MaxMetadataSize = 1 << 20;

    /// <summary>
    /// The buffer synchronous readers put in front of a decompressor: headers are 512 bytes, and each read
    /// of the decompressor costs a call into it.
    /// </summary>
    internal const int ReadAheadSize = 64 * 1024;

    private const int BlockSize = 512;

    private readonly Stream _stream;
    private readonly string _layer;
    private readonly ExtractionBudget _budget;
    private readonly byte[] _header = new byte[BlockSize];
    private readonly byte[] _skipBuffer = new byte[64 * 1024];
    private Dictionary<string, byte[]> _globalPax = new(StringComparer.Ordinal);
    private long _remaining;
    private long _padding;
    private string _currentName = string.Empty;
    private readonly bool _synchronous;
    private int _ordinal;
    private bool _ended;

    /// <summary>Reads <paramref name="stream"/>, charging every byte to <paramref name="budget"/>.</summary>
    /// <param name="stream">The uncompressed tar stream.</param>
    /// <param name="layer">The layer's digest, for messages.</param>
    /// <param name="budget">What is left of the limits.</param>
    /// <param name="synchronous">
    /// Read the stream with blocking calls: the async methods then complete before they return. For local
    /// files the async path only adds a thread-pool hop to every read of every member.
    /// </param>
    public TarArchiveReader(Stream stream, string layer, ExtractionBudget budget, bool synchronous = false)
    {
        _stream = stream;
        _layer = layer;
        _budget = budget;
        _synchronous = synchronous;
    }

    /// <summary>Uncompressed bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The next member, or null at the end of the archive. Skips what is left of the previous one.</summary>
    public async ValueTask<TarRecord?> NextAsync(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return null;
        }

        await SkipContentAsync(cancellationToken).ConfigureAwait(false);
        Dictionary<string, byte[]>? pax = null;
        string? longName = null;
        string? longLink = null;
        while (true)
        {
            var headerOffset = BytesRead;
            var n = await ReadBlockAsync(_header, cancellationToken).ConfigureAwait(false);
            if (n == 0 || IsZeroBlock(_header))
            {
                // The end-of-archive marker is two zero blocks; the first one is enough to stop reading
                // members, and DrainAsync reads the rest. An archive cut at a member boundary is accepted too.
                _ended = true;
                return null;
            }

            if (n < BlockSize)
            {
                throw Malformed($"ends inside the header at offset {headerOffset}");
            }

            VerifyChecksum(headerOffset);
            var typeFlag = (char)_header[156];
            var size = ParseNumber(_header.AsSpan(124, 12), "size", headerOffset);
            if (size < 0)
            {
                throw Malformed($"has a negative size in the header at offset {headerOffset}");
            }

            switch (typeFlag)
            {
                case 'x':
                    pax = ParsePax(await ReadMetadataAsync(size, "PAX", cancellationToken).ConfigureAwait(false));
                    continue;
                case 'g':
                    var global = ParsePax(await ReadMetadataAsync(size, "PAX", cancellationToken)
                        .ConfigureAwait(false));
                    _globalPax = new Dictionary<string, byte[]>(_globalPax, StringComparer.Ordinal);
                    foreach (var (key, value) in global)
                    {
                        _globalPax[key] = value;
                    }

                    continue;
                case 'L':
                    longName = CString(await ReadMetadataAsync(size, "GNU long name", cancellationToken)
                        .ConfigureAwait(false));
                    continue;
                case 'K':
                    longLink = CString(await ReadMetadataAsync(size, "GNU long link", cancellationToken)
                        .ConfigureAwait(false));
                    continue;
                default:
                    break;
            }

            _budget.AddEntry(_layer);
            var record = BuildRecord(typeFlag, size, headerOffset, Merge(pax), longName, longLink);
            _currentName = record.Name;
            _remaining = HasContent(typeFlag) ? record.Size : 0;
            _padding = Padding(_remaining);
            return record;
        }
    }

    /// <summary>Copies what is left of the current member's content to <paramref name="destination"/>.</summary>
    public async Task CopyContentToAsync(Stream destination, CancellationToken cancellationToken)
    {
        var buffer = _skipBuffer;
        int n;
        while ((n = await ReadContentAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads up to <paramref name="buffer"/>'s length of the member's content; 0 at its end.</summary>
    public async ValueTask<int> ReadContentAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_remaining == 0 || buffer.Length == 0)
        {
            return 0;
        }

        var want = (int)Math.Min(buffer.Length, _remaining);
        var n = await ReadAsync(buffer[..want], cancellationToken).ConfigureAwait(false);
        if (n == 0)
        {
            throw ShortContent();
        }

        _remaining -= n;
        return n;
    }

    /// <summary>
    /// Reads up to <paramref name="buffer"/>'s length of the current member's content with a blocking call;
    /// 0 at its end. Only for a reader made <c>synchronous</c>.
    /// </summary>
    public int ReadContent(Span<byte> buffer)
    {
        if (!_synchronous)
        {
            throw new InvalidOperationException("ReadContent needs a reader made synchronous");
        }

        if (_remaining == 0 || buffer.Length == 0)
        {
            return 0;
        }

        var want = (int)Math.Min(buffer.Length, _remaining);
        int n;
        try
        {
            n = Charge(_stream.Read(buffer[..want]));
        }
        catch (Exception e) when (e is InvalidDataException or ZstdException or EndOfStreamException)
        {
            throw CannotDecompress(e);
        }

        if (n == 0)
        {
            throw ShortContent();
        }

        _remaining -= n;
        return n;
    }

    /// <summary>Reads the stream to its end, within the budget, so a verifying stream checks its digest.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (await ReadAsync(_skipBuffer, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    private async Task SkipContentAsync(CancellationToken cancellationToken)
    {
        while (_remaining > 0)
        {
            await ReadContentAsync(_skipBuffer, cancellationToken).ConfigureAwait(false);
        }

        while (_padding > 0)
        {
            var n = await ReadAsync(_skipBuffer.AsMemory(0, (int)_padding), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw Malformed($"ends inside the padding after '{_currentName}'");
            }

            _padding -= n;
        }
    }

    private async Task<byte[]> ReadMetadataAsync(long size, string kind, CancellationToken cancellationToken)
    {
        if (size > MaxMetadataSize)
        {
            throw Malformed($"has a {kind} header of {size} bytes; at most {MaxMetadataSize} are accepted");
        }

        var data = new byte[size];
        var filled = 0;
        while (filled < data.Length)
        {
            var n = await ReadAsync(data.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw Malformed($"ends inside a {kind} header");
            }

            filled += n;
        }

        _remaining = 0;
        _padding = Padding(size);
        await SkipContentAsync(cancellationToken).ConfigureAwait(false);
        return data;
    }

    private async ValueTask<int> ReadBlockAsync(byte[] block, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < block.Length)
        {
            var n = await ReadAsync(block.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            filled += n;
        }

        return filled;
    }

    private ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (!_synchronous)
        {
            return ReadStreamAsync(buffer, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        int n;
        try
        {
            n = _stream.Read(buffer.Span);
        }
        catch (Exception e) when (e is InvalidDataException or ZstdException or EndOfStreamException)
        {
            throw CannotDecompress(e);
        }

        return new ValueTask<int>(Charge(n));
    }

    private async ValueTask<int> ReadStreamAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int n;
        try
        {
            n = await _stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or ZstdException or EndOfStreamException)
        {
            throw CannotDecompress(e);
        }

        return Charge(n);
    }

    private int Charge(int n)
    {
        BytesRead += n;
        _budget.AddBytes(n, _layer);
        return n;
    }

    private ImageFormatException CannotDecompress(Exception e) =>
        new($"layer '{_layer}' cannot be decompressed: {e.Message}", e);

    private static bool HasContent(char typeFlag) => typeFlag is not ('1' or '2' or '3' or '4' or '5' or '6');

    private static long Padding(long size) => (BlockSize - (size % BlockSize)) % BlockSize;

    private static bool IsZeroBlock(ReadOnlySpan<byte> block) => !block.ContainsAnyExcept((byte)0);

    private ImageFormatException ShortContent() =>
        Malformed($"ends inside the content of '{_currentName}', {_remaining} bytes short of the size its " +
            "header gives");

    private ImageFormatException Malformed(string problem) =>
        new($"layer '{_layer}' is not a well-formed tar archive: it {problem}");

    private Dictionary<string, byte[]> Merge(Dictionary<string, byte[]>? pax)
    {
        if (pax is null)
        {
            return _globalPax;
        }

        var merged = new Dictionary<string, byte[]>(_globalPax, StringComparer.Ordinal);
        foreach (var (key, value) in pax)
        {
            merged[key] = value;
        }

        return merged;
    }

    private int NextOrdinal() => _ordinal++;
}
