using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Snello.Oci.Digests;
using Snello.Oci.FileSystems;

namespace Snello.Oci.Layers;

/// <summary>
/// Writes tar members in the order given: POSIX ustar headers, with a PAX extended header only for what ustar
/// cannot hold (long or non-ASCII names, big numbers, sub-second times, xattrs). The PAX header's own name is
/// fixed ("PaxHeaders" beside the member), never the process id, so equal input gives equal bytes. PAX values
/// are written as raw bytes, so binary xattr values survive. Hashes what it writes: the diff ID.
/// </summary>
internal sealed class TarStreamWriter : IDisposable
{
    private const int BlockSize = 512;
    private const long MaxOctal7 = (1L << 21) - 1;
    private const long MaxOctal11 = (1L << 33) - 1;

    private readonly Stream _output;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[128 * 1024];

    public TarStreamWriter(Stream output)
    {
        _output = output;
    }

    public long BytesWritten { get; private set; }

    /// <summary>Writes the header (and PAX header, when needed) of <paramref name="entry"/>.</summary>
    public async Task WriteHeaderAsync(FileEntry entry, CancellationToken cancellationToken)
    {
        var pax = new List<(string Key, byte[] Value)>();
        var name = entry.Type == EntryType.Directory ? entry.Path + "/" : entry.Path;
        var nameBytes = Encoding.UTF8.GetBytes(name);
        byte[] prefix = [];
        var shortName = nameBytes;
        if (!Ascii.IsValid(nameBytes) || !TrySplit(nameBytes, out prefix, out shortName))
        {
            pax.Add(("path", nameBytes));
            prefix = [];
            shortName = nameBytes.Length > 100 ? nameBytes[..100] : nameBytes;
        }

        var linkBytes = Encoding.UTF8.GetBytes(entry.LinkTarget ?? string.Empty);
        if (linkBytes.Length > 100 || !Ascii.IsValid(linkBytes))
        {
            pax.Add(("linkpath", linkBytes));
        }

        var size = entry.Type == EntryType.RegularFile ? entry.Size : 0;
        AddNumber(pax, "size", size, MaxOctal11);
        AddNumber(pax, "uid", entry.Uid, MaxOctal7);
        AddNumber(pax, "gid", entry.Gid, MaxOctal7);
        AddName(pax, "uname", entry.UserName);
        AddName(pax, "gname", entry.GroupName);
        var ticks = entry.ModificationTime.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var fraction);
        if (fraction < 0)
        {
            seconds--;
            fraction += TimeSpan.TicksPerSecond;
        }

        if (fraction != 0 || seconds < 0 || seconds > MaxOctal11)
        {
            var text = fraction == 0
                ? seconds.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{seconds}.{fraction:D7}").TrimEnd('0');
            pax.Add(("mtime", Encoding.ASCII.GetBytes(text)));
        }

        foreach (var (key, value) in (entry.Xattrs ?? new Dictionary<string, byte[]>())
                     .OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            pax.Add(("SCHILY.xattr." + key, value));
        }

        if (pax.Count > 0)
        {
            var data = EncodePax(pax);
            var paxHeader = Header(PaxHeaderName(entry.Path), [], 'x', 0b110_100_100,
                0, 0, data.Length, Math.Clamp(seconds, 0, MaxOctal11), [], null, null, 0, 0);
            await WriteAsync(paxHeader, cancellationToken).ConfigureAwait(false);
            await WriteAsync(data, cancellationToken).ConfigureAwait(false);
            await PadAsync(data.Length, cancellationToken).ConfigureAwait(false);
        }

        var typeFlag = entry.Type switch
        {
            EntryType.RegularFile => '0',
            EntryType.Hardlink => '1',
            EntryType.Symlink => '2',
            EntryType.CharacterDevice => '3',
            EntryType.BlockDevice => '4',
            EntryType.Directory => '5',
            _ => '6',
        };
        var header = Header(shortName, prefix, typeFlag, entry.Mode & 0xfff, entry.Uid, entry.Gid, size,
            seconds, linkBytes.Length > 100 ? linkBytes[..100] : linkBytes, entry.UserName, entry.GroupName,
            entry.DeviceMajor, entry.DeviceMinor);
        await WriteAsync(header, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies exactly <paramref name="size"/> bytes of content and pads to the block size.</summary>
    /// <exception cref="IOException">The content is shorter or longer than <paramref name="size"/>.</exception>
    public async Task WriteContentAsync(Stream content, long size, string path, CancellationToken cancellationToken)
    {
        var left = size;
        while (left > 0)
        {
            var n = await content.ReadAsync(_buffer.AsMemory(0, (int)Math.Min(_buffer.Length, left)),
                cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new IOException($"content of '{path}' ended {left} bytes before the {size} bytes announced");
            }

            await WriteAsync(_buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
            left -= n;
        }

        if (await content.ReadAsync(_buffer.AsMemory(0, 1), cancellationToken).ConfigureAwait(false) > 0)
        {
            throw new IOException($"content of '{path}' is longer than the {size} bytes announced");
        }

        await PadAsync(size, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the end-of-archive marker (two zero blocks) and returns the sha256 of the whole tar.</summary>
    public async Task<Digest> FinishAsync(CancellationToken cancellationToken)
    {
        await WriteAsync(new byte[2 * BlockSize], cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return Digest.FromHash(Digest.Sha256, _hash.GetHashAndReset());
    }

    public void Dispose() => _hash.Dispose();

    private async Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        _hash.AppendData(data.Span);
        await _output.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        BytesWritten += data.Length;
    }

    private Task PadAsync(long size, CancellationToken cancellationToken)
    {
        var padding = (int)((BlockSize - (size % BlockSize)) % BlockSize);
        return padding == 0 ? Task.CompletedTask : WriteAsync(new byte[padding], cancellationToken);
    }

    /// <summary>
    /// "DIR/PaxHeaders/NAME", or "PaxHeaders/NAME" cut to fit when that is too long. Readers that know PAX skip
    /// the name; readers that do not extract a small file there, as with GNU tar's own names.
    /// </summary>
    private static byte[] PaxHeaderName(string path)
    {
        var name = Encoding.UTF8.GetBytes(TarPaths.Join(TarPaths.Parent(path), "PaxHeaders/" + TarPaths.Name(path)));
        if (name.Length <= 100)
        {
            return name;
        }

        var shortName = Encoding.UTF8.GetBytes("PaxHeaders/" + TarPaths.Name(path));
        return shortName.Length <= 100 ? shortName : shortName[..100];
    }

    private static bool TrySplit(byte[] name, out byte[] prefix, out byte[] shortName)
    {
        prefix = [];
        shortName = name;
        if (name.Length <= 100)
        {
            return true;
        }

        // ustar: name = prefix + "/" + name, prefix at most 155 bytes, name at most 100.
        for (var slash = Math.Min(155, name.Length - 1); slash > 0; slash--)
        {
            if (name[slash] == '/' && name.Length - slash - 1 <= 100 && name.Length - slash - 1 > 0)
            {
                prefix = name[..slash];
                shortName = name[(slash + 1)..];
                return true;
            }
        }

        return false;
    }

    private static void AddNumber(List<(string, byte[])> pax, string key, long value, long max)
    {
        if (value < 0 || value > max)
        {
            pax.Add((key, Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture))));
        }
    }

    private static void AddName(List<(string, byte[])> pax, string key, string? value)
    {
        var bytes = Encoding.UTF8.GetBytes(value ?? string.Empty);
        if (bytes.Length > 32 || !Ascii.IsValid(bytes))
        {
            pax.Add((key, bytes));
        }
    }

    private static byte[] EncodePax(List<(string Key, byte[] Value)> records)
    {
        using var data = new MemoryStream();
        foreach (var (key, value) in records)
        {
            // "LENGTH KEY=VALUE\n", where LENGTH counts its own digits too.
            var rest = Encoding.UTF8.GetByteCount(key) + value.Length + 3;
            var length = rest + 1;
            while (length.ToString(CultureInfo.InvariantCulture).Length + rest != length)
            {
                length++;
            }

            data.Write(Encoding.ASCII.GetBytes(length.ToString(CultureInfo.InvariantCulture) + " "));
            data.Write(Encoding.UTF8.GetBytes(key + "="));
            data.Write(value);
            data.WriteByte((byte)'\n');
        }

        return data.ToArray();
    }

    private static byte[] Header(byte[] name, byte[] prefix, char typeFlag, int mode, long uid, long gid,
        long size, long mtime, byte[] link, string? userName, string? groupName, int major, int minor)
    {
        var block = new byte[BlockSize];
        name.CopyTo(block, 0);
        Number(block, 100, 8, mode);
        Number(block, 108, 8, uid);
        Number(block, 116, 8, gid);
        Number(block, 124, 12, size);
        Number(block, 136, 12, mtime);
        block[156] = (byte)typeFlag;
        link.CopyTo(block, 157);
        "ustar\0"u8.CopyTo(block.AsSpan(257));
        "00"u8.CopyTo(block.AsSpan(263));
        Truncated(userName, 32).CopyTo(block, 265);
        Truncated(groupName, 32).CopyTo(block, 297);
        Number(block, 329, 8, major);
        Number(block, 337, 8, minor);
        prefix.CopyTo(block, 345);

        // The checksum is computed with its own field read as eight spaces.
        "        "u8.CopyTo(block.AsSpan(148));
        var sum = 0;
        foreach (var b in block)
        {
            sum += b;
        }

        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0')).CopyTo(block, 148);
        block[154] = 0;
        block[155] = (byte)' ';
        return block;
    }

    private static byte[] Truncated(string? text, int length)
    {
        var bytes = Encoding.UTF8.GetBytes(text ?? string.Empty);
        return bytes.Length > length ? bytes[..length] : bytes;
    }

    private static void Number(byte[] block, int offset, int length, long value)
    {
        var digits = length - 1;
        if (value >= 0 && value < 1L << (3 * digits))
        {
            Encoding.ASCII.GetBytes(Convert.ToString(value, 8).PadLeft(digits, '0')).CopyTo(block, offset);
            block[offset + digits] = 0;
            return;
        }

        // GNU base-256 for what octal cannot hold; the PAX header carries the value for strict readers.
        for (var i = length - 1; i >= 0; i--)
        {
            block[offset + i] = (byte)value;
            value >>= 8;
        }

        block[offset] |= 0x80;
    }
}
