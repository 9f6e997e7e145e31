using System.Globalization;
using System.Text;

namespace Snello.Oci.FileSystems;

/// <summary>Header decoding: checksums, numeric fields, ustar names and PAX records (POSIX.1-2008, pax).</summary>
internal sealed partial class TarArchiveReader
{
    private const string XattrPrefix = "SCHILY.xattr.";

    private void VerifyChecksum(long headerOffset)
    {
        long stored;
        try
        {
            stored = ParseNumber(_header.AsSpan(148, 8), "checksum", headerOffset);
        }
        catch (ImageFormatException)
        {
            throw Malformed($"has no valid tar header at offset {headerOffset} (the checksum field is not octal)");
        }

        // The checksum is the sum of the header's bytes with the checksum field read as spaces; old
        // writers summed signed bytes, so both sums are accepted.
        long unsigned = 0;
        long signed = 0;
        for (var i = 0; i < BlockSize; i++)
        {
            var b = i is >= 148 and < 156 ? (byte)' ' : _header[i];
            unsigned += b;
            signed += (sbyte)b;
        }

        if (stored != unsigned && stored != signed)
        {
            throw Malformed($"has no valid tar header at offset {headerOffset} (checksum {stored}, computed " +
                $"{unsigned})");
        }
    }

    private long ParseNumber(ReadOnlySpan<byte> field, string name, long headerOffset)
    {
        if (field.Length > 0 && (field[0] & 0x80) != 0)
        {
            // GNU base-256: the high bit marks a big-endian two's complement number.
            long value = field[0] == 0xff ? -1 : field[0] & 0x7f;
            foreach (var b in field[1..])
            {
                if (value > (long.MaxValue >> 8) || value < (long.MinValue >> 8))
                {
                    throw Malformed($"has a {name} field too large at offset {headerOffset}");
                }

                value = (value << 8) | b;
            }

            return value;
        }

        long octal = 0;
        var i = 0;
        while (i < field.Length && field[i] is (byte)' ' or 0)
        {
            i++;
        }

        for (; i < field.Length && field[i] is not ((byte)' ' or 0); i++)
        {
            var digit = field[i] - '0';
            if (digit is < 0 or > 7 || octal > (long.MaxValue >> 3))
            {
                throw Malformed($"has a {name} field that is not an octal number at offset {headerOffset}");
            }

            octal = (octal << 3) | (long)digit;
        }

        return octal;
    }

    private static string CString(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }

    private Dictionary<string, byte[]> ParsePax(byte[] data)
    {
        // Records are "LENGTH KEY=VALUE\n", LENGTH counting the whole record in decimal.
        var records = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var position = 0;
        while (position < data.Length)
        {
            if (data[position] == 0)
            {
                break;
            }

            var rest = data.AsSpan(position);
            var space = rest.IndexOf((byte)' ');
            if (space <= 0 || !int.TryParse(rest[..space], NumberStyles.None, CultureInfo.InvariantCulture,
                    out var length) || length <= space + 2 || length > rest.Length || rest[length - 1] != '\n')
            {
                throw Malformed($"has a malformed PAX record at byte {position} of a PAX header");
            }

            var record = rest[(space + 1)..(length - 1)];
            var equals = record.IndexOf((byte)'=');
            if (equals <= 0)
            {
                throw Malformed($"has a PAX record without a key at byte {position} of a PAX header");
            }

            records[Encoding.UTF8.GetString(record[..equals])] = record[(equals + 1)..].ToArray();
            position += length;
        }

        return records;
    }

    private TarRecord BuildRecord(char typeFlag, long size, long headerOffset, Dictionary<string, byte[]> pax,
        string? longName, string? longLink)
    {
        var header = _header.AsSpan();
        var magic = header[257..263];
        var isPosix = magic.SequenceEqual("ustar\0"u8);
        var name = CString(header[..100]);
        if (isPosix)
        {
            var prefix = CString(header[345..500]);
            if (prefix.Length > 0)
            {
                name = prefix + "/" + name;
            }
        }

        name = Text(pax, "path") ?? longName ?? name;
        var linkName = Text(pax, "linkpath") ?? longLink ?? CString(header[157..257]);
        if (pax.Keys.Any(k => k.StartsWith("GNU.sparse.", StringComparison.Ordinal)) || typeFlag == 'S')
        {
            throw Malformed($"holds the sparse file '{name}'; sparse members are not supported");
        }

        Dictionary<string, byte[]>? xattrs = null;
        foreach (var (key, value) in pax)
        {
            if (key.StartsWith(XattrPrefix, StringComparison.Ordinal) && key.Length > XattrPrefix.Length)
            {
                xattrs ??= new Dictionary<string, byte[]>(StringComparer.Ordinal);
                xattrs[key[XattrPrefix.Length..]] = value;
            }
        }

        return new TarRecord
        {
            Name = name,
            TypeFlag = typeFlag,
            Mode = (int)(ParseNumber(header[100..108], "mode", headerOffset) & 0xfff),
            Uid = PaxNumber(pax, "uid") ?? ParseNumber(header[108..116], "uid", headerOffset),
            Gid = PaxNumber(pax, "gid") ?? ParseNumber(header[116..124], "gid", headerOffset),
            Size = PaxNumber(pax, "size") ?? size,
            ModificationTime = PaxTime(pax) ?? FromUnixSeconds(ParseNumber(header[136..148], "mtime", headerOffset)),
            LinkName = linkName,
            UserName = NullIfEmpty(Text(pax, "uname") ?? CString(header[265..297])),
            GroupName = NullIfEmpty(Text(pax, "gname") ?? CString(header[297..329])),
            DeviceMajor = ParseNumber(header[329..337], "devmajor", headerOffset),
            DeviceMinor = ParseNumber(header[337..345], "devminor", headerOffset),
            Xattrs = xattrs,
            Ordinal = NextOrdinal(),
        };
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string? Text(Dictionary<string, byte[]> pax, string key) =>
        pax.TryGetValue(key, out var value) && value.Length > 0 ? Encoding.UTF8.GetString(value) : null;

    private long? PaxNumber(Dictionary<string, byte[]> pax, string key)
    {
        var text = Text(pax, key);
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Malformed($"has the PAX record {key}='{text}'; expected a non-negative decimal number");
        }

        return value;
    }

    private DateTimeOffset? PaxTime(Dictionary<string, byte[]> pax)
    {
        var text = Text(pax, "mtime");
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var seconds))
        {
            throw Malformed($"has the PAX record mtime='{text}'; expected decimal seconds since 1970");
        }

        var whole = (long)decimal.Floor(seconds);
        var ticks = (long)((seconds - whole) * TimeSpan.TicksPerSecond);
        return FromUnixSeconds(whole).AddTicks(ticks);
    }

    private static DateTimeOffset FromUnixSeconds(long seconds)
    {
        // Times outside what DateTimeOffset holds are clamped; no real layer has them.
        var clamped = Math.Clamp(seconds, -62_135_596_800L, 253_402_300_799L - 1);
        return DateTimeOffset.FromUnixTimeSeconds(clamped);
    }
}
