using System.Buffers.Binary;

namespace Snello.Analysis.Elf;

/// <summary>
/// Bounded reads of an ELF file's bytes. A seekable stream is read where asked; a forward-only one (a file
/// inside a layer tar) is read up to the highest offset asked for, keeping what it read, so memory grows only
/// with bytes that really are in the file, never with what a header claims.
/// </summary>
internal sealed class ElfBytes(Stream stream, bool bigEndian)
{
    private const int Chunk = 1 << 16;

    private byte[] _prefix = [];
    private int _buffered;
    private bool _ended;

    public bool BigEndian { get; set; } = bigEndian;

    /// <summary>Exactly <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
    /// <exception cref="ElfFormatException">The file ends before them.</exception>
    public byte[] Read(long offset, int count, string what)
    {
        if (offset < 0 || count < 0 || offset > long.MaxValue - count)
        {
            throw Truncated(offset, count, what);
        }

        var result = new byte[count];
        if (stream.CanSeek)
        {
            if (offset + count > stream.Length)
            {
                throw Truncated(offset, count, what);
            }

            stream.Position = offset;
            stream.ReadExactly(result);
            return result;
        }

        Fill(offset + count);
        if (offset + count > _buffered)
        {
            throw Truncated(offset, count, what);
        }

        Array.Copy(_prefix, offset, result, 0, count);
        return result;
    }

    public ushort U16(ReadOnlySpan<byte> data, int at) =>
        BigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(data[at..])
            : BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);

    public uint U32(ReadOnlySpan<byte> data, int at) =>
        BigEndian
            ? BinaryPrimitives.ReadUInt32BigEndian(data[at..])
            : BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);

    public ulong U64(ReadOnlySpan<byte> data, int at) =>
        BigEndian
            ? BinaryPrimitives.ReadUInt64BigEndian(data[at..])
            : BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);

    private void Fill(long end)
    {
        // A forward-only stream longer than an array can hold would need a second pass; ELF headers and the
        // dynamic section sit far below that in every real file.
        if (end > Array.MaxLength)
        {
            return;
        }

        while (!_ended && _buffered < end)
        {
            if (_buffered == _prefix.Length)
            {
                // Double only what the file has already proved to hold, so a header claiming a far offset
                // costs nothing until the bytes before it have been read.
                Array.Resize(ref _prefix, (int)Math.Min(Array.MaxLength, Math.Max(Chunk, (long)_prefix.Length * 2)));
            }

            var n = stream.Read(_prefix, _buffered, _prefix.Length - _buffered);
            if (n == 0)
            {
                _ended = true;
            }

            _buffered += n;
        }
    }

    private static ElfFormatException Truncated(long offset, int count, string what) =>
        new($"the {what} at offset {offset} ({count} bytes) lies past the end of the file; expected the file " +
            "to hold every header it points to");
}
