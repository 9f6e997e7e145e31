using System.Globalization;
using System.Text;

namespace Snello.Debian.Packages;

/// <summary>
/// Reads the members of a common ar archive, the container of a .deb (deb(5), ar(5)), one after the other
/// from a stream that need not seek.
/// </summary>
internal sealed class ArReader(Stream stream, string file) : IDisposable
{
    private const int HeaderLength = 60;
    private static readonly byte[] Magic = "!<arch>\n"u8.ToArray();
    private BoundedStream? _current;
    private bool _started;

    /// <summary>The next member's name and a stream over its bytes, or null at the end.</summary>
    public (string Name, Stream Content)? Next()
    {
        if (!_started)
        {
            var magic = new byte[Magic.Length];
            if (stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) != magic.Length
                || !magic.AsSpan().SequenceEqual(Magic))
            {
                throw new DebFormatException(file, "it does not start with the ar magic '!<arch>\\n'");
            }

            _started = true;
        }

        if (_current is not null)
        {
            // Members start at even offsets: an odd-sized member is followed by one padding byte.
            var padding = _current.Length % 2;
            _current.CopyTo(Stream.Null);
            if (_current.Remaining > 0 || (padding == 1 && stream.ReadByte() < 0))
            {
                throw new DebFormatException(file, "the ar archive ends inside a member");
            }
        }

        var header = new byte[HeaderLength];
        var read = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (read == 0)
        {
            return null;
        }

        // ar(5): name 16, date 12, uid 6, gid 6, mode 8, size 10, then the two bytes "`\n".
        var text = Encoding.ASCII.GetString(header, 0, read);
        if (read != HeaderLength || header[58] != '`' || header[59] != '\n')
        {
            throw new DebFormatException(file, $"the ar member header '{text.TrimEnd()}' is cut short or malformed");
        }

        var name = text[..16].TrimEnd().TrimEnd('/');
        var sizeText = text[48..58].Trim();
        if (!long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            throw new DebFormatException(file, $"the ar member '{name}' has size '{sizeText}', expected digits");
        }

        _current = new BoundedStream(stream, size);
        return (name, _current);
    }

    public void Dispose() => _current?.Dispose();
}
