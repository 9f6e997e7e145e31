using System.Text;

namespace Snello.Oci.Transports.Archives;

/// <summary>
/// Finds where each regular file's data lies in an uncompressed tar by reading only the 512-byte headers and
/// seeking over the data (POSIX ustar with PAX <c>path</c>/<c>size</c> records and GNU long names, as
/// <c>docker save</c>, skopeo and Go's archive/tar write them).
/// </summary>
internal static class TarHeaderScanner
{
    private const int Block = 512;

    public static Dictionary<string, (long Offset, long Length)> Scan(FileStream file, string path, string what)
    {
        var members = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        var header = new byte[Block];
        string? longName = null;
        long? paxSize = null;
        while (true)
        {
            var start = file.Position;
            if (file.ReadAtLeast(header, Block, throwOnEndOfStream: false) < Block || header.All(b => b == 0))
            {
                break;
            }

            if (!ChecksumMatches(header))
            {
                throw new ImageFormatException($"{what} '{path}' is not a tar archive: the header at byte {start} " +
                    "has a wrong checksum");
            }

            var type = (char)header[156];
            var size = paxSize ?? ParseNumber(header.AsSpan(124, 12), path, start);
            var dataStart = start + Block;
            if (dataStart + size > file.Length)
            {
                throw new ImageFormatException($"{what} '{path}' is cut short: member at byte {start} needs {size} " +
                    $"bytes, the file ends at {file.Length}");
            }

            switch (type)
            {
                case 'x':
                    (longName, paxSize) = ReadPax(file, size, longName);
                    break;
                case 'L':
                    longName = ReadText(file, size).TrimEnd('\0');
                    break;
                case 'g':
                    break;
                default:
                    var name = longName ?? NameOf(header);
                    if (type is '0' or '\0' or '7')
                    {
                        members[name] = (dataStart, size);
                    }

                    longName = null;
                    paxSize = null;
                    break;
            }

            file.Position = dataStart + ((size + Block - 1) / Block * Block);
        }

        return members;
    }

    private static (string? Name, long? Size) ReadPax(FileStream file, long size, string? name)
    {
        long? paxSize = null;
        var text = ReadText(file, size);
        foreach (var record in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // POSIX pax format: "LENGTH KEY=VALUE\n"
            var space = record.IndexOf(' ', StringComparison.Ordinal);
            var equals = record.IndexOf('=', StringComparison.Ordinal);
            if (space < 0 || equals < space)
            {
                continue;
            }

            var key = record[(space + 1)..equals];
            var value = record[(equals + 1)..];
            if (key == "path")
            {
                name = value;
            }
            else if (key == "size" && long.TryParse(value, out var s))
            {
                paxSize = s;
            }
        }

        return (name, paxSize);
    }

    private static string ReadText(FileStream file, long size)
    {
        if (size > 1 << 20)
        {
            throw new ImageFormatException($"tar extended header of {size} bytes in '{file.Name}' is too large");
        }

        var bytes = new byte[size];
        file.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    private static string NameOf(byte[] header)
    {
        var name = CString(header.AsSpan(0, 100));
        var magic = Encoding.ASCII.GetString(header, 257, 5);
        if (magic == "ustar")
        {
            var prefix = CString(header.AsSpan(345, 155));
            if (prefix.Length > 0)
            {
                name = prefix + "/" + name;
            }
        }

        return name;
    }

    private static string CString(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }

    private static long ParseNumber(ReadOnlySpan<byte> field, string path, long at)
    {
        if ((field[0] & 0x80) != 0)
        {
            // GNU base-256 for sizes of 8 GiB and more.
            long value = field[0] & 0x7f;
            foreach (var b in field[1..])
            {
                value = (value << 8) | b;
            }

            return value;
        }

        var text = Encoding.ASCII.GetString(field).Trim('\0', ' ');
        long result = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '7')
            {
                throw new ImageFormatException($"tar header at byte {at} of '{path}' has size field '{text}', " +
                    "expected octal digits");
            }

            result = (result * 8) + (c - '0');
        }

        return result;
    }

    private static bool ChecksumMatches(byte[] header)
    {
        long sum = 0;
        for (var i = 0; i < Block; i++)
        {
            sum += i is >= 148 and < 156 ? (byte)' ' : header[i];
        }

        long stored = 0;
        foreach (var c in Encoding.ASCII.GetString(header, 148, 8).Trim('\0', ' '))
        {
            if (c is < '0' or > '7')
            {
                return false;
            }

            stored = (stored * 8) + (c - '0');
        }

        return stored == sum;
    }
}
