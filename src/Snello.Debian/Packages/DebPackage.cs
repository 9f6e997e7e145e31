using System.Formats.Tar;
using System.IO.Compression;
using SharpCompress.Common;
using SharpCompress.Compressors.Xz;
using Snello.Debian.Control;
using ZstdSharp;

namespace Snello.Debian.Packages;

/// <summary>
/// A binary package file (deb(5)): an ar archive of <c>debian-binary</c>, <c>control.tar</c> and
/// <c>data.tar</c>, each tarball uncompressed or compressed with gzip, xz or zstd.
/// </summary>
public sealed class DebPackage
{
    private DebPackage(PackageRecord control, IReadOnlyDictionary<string, byte[]> controlFiles)
    {
        Control = control;
        ControlFiles = controlFiles;
    }

    /// <summary>The package's <c>control</c> file.</summary>
    public PackageRecord Control { get; }

    /// <summary>
    /// Every regular file of <c>control.tar</c> by its name without <c>./</c>: <c>control</c>, <c>md5sums</c>,
    /// <c>conffiles</c>, maintainer scripts such as <c>postinst</c>.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]> ControlFiles { get; }

    /// <summary>Reads a .deb from a stream, handing each data.tar entry to a callback as it is read.</summary>
    /// <remarks>
    /// The stream is read once, front to back, so an HTTP body works. The entry's
    /// <see cref="TarEntry.DataStream"/> is readable only during the callback. bzip2 and lzma tarballs,
    /// which deb(5) still allows but Debian no longer uses, are refused.
    /// </remarks>
    /// <param name="stream">The .deb's bytes; it is not disposed.</param>
    /// <param name="file">The file's name, for messages.</param>
    /// <param name="dataEntry">Called for each entry of data.tar in order, or null to skip the data.</param>
    /// <returns>The control information.</returns>
    /// <exception cref="DebFormatException">The file is not a .deb in a supported format; the message names it
    /// and the member at fault.</exception>
    /// <exception cref="PackageRecordException">The control file lacks a required field or has a bad one.</exception>
    public static DebPackage Read(Stream stream, string file, Action<TarEntry>? dataEntry = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var ar = new ArReader(stream, file);

        var first = ar.Next() ?? throw new DebFormatException(file, "the ar archive is empty");
        using (var reader = new StreamReader(first.Content, leaveOpen: true))
        {
            var version = reader.ReadToEnd();
            if (first.Name != "debian-binary" || !version.StartsWith("2.", StringComparison.Ordinal))
            {
                throw new DebFormatException(file, $"the first member is '{first.Name}' holding '{version.Trim()}',"
                    + " expected 'debian-binary' holding '2.0'");
            }
        }

        var controlMember = NextSkippingUnderscored(ar, file, "control.tar");
        var controlFiles = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        ReadTar(controlMember, file, entry =>
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile
                && entry.DataStream is { } data)
            {
                using var buffer = new MemoryStream();
                data.CopyTo(buffer);
                var name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
                controlFiles[name] = buffer.ToArray();
            }
        });

        if (!controlFiles.TryGetValue("control", out var controlBytes))
        {
            throw new DebFormatException(file, $"'{controlMember.Name}' holds no 'control' file");
        }

        var paragraphs = Deb822Reader.Parse(System.Text.Encoding.UTF8.GetString(controlBytes), $"{file}:control");
        if (paragraphs.Count != 1)
        {
            throw new DebFormatException(
                file, $"its control file holds {paragraphs.Count} paragraphs, expected 1");
        }

        var package = new DebPackage(PackageRecord.FromParagraph(paragraphs[0]), controlFiles);
        if (dataEntry is not null)
        {
            ReadTar(NextSkippingUnderscored(ar, file, "data.tar"), file, dataEntry);
        }

        return package;
    }

    // deb(5): members whose names start with '_' may come between and are to be ignored.
    private static (string Name, Stream Content) NextSkippingUnderscored(ArReader ar, string file, string expected)
    {
        while (true)
        {
            var member = ar.Next() ?? throw new DebFormatException(file, $"it has no '{expected}' member");
            if (member.Name.StartsWith('_'))
            {
                continue;
            }

            if (!member.Name.StartsWith(expected, StringComparison.Ordinal))
            {
                throw new DebFormatException(file, $"found member '{member.Name}' where '{expected}' was expected");
            }

            return member;
        }
    }

    private static void ReadTar((string Name, Stream Content) member, string file, Action<TarEntry> onEntry)
    {
        var compression = member.Name[(member.Name.IndexOf(".tar", StringComparison.Ordinal) + 4)..];
        try
        {
            using var decompressed = compression switch
            {
                "" => member.Content,
                ".gz" => new GZipStream(member.Content, CompressionMode.Decompress, leaveOpen: true),
                ".xz" => new XZStream(member.Content),
                ".zst" => new DecompressionStream(member.Content, leaveOpen: true),
                _ => throw new DebFormatException(file, $"member '{member.Name}' uses compression "
                    + $"'{compression}'; expected none, .gz, .xz or .zst"),
            };
            using var tar = new TarReader(decompressed, leaveOpen: true);
            while (tar.GetNextEntry() is { } entry)
            {
                onEntry(entry);
            }

            // The tar end marker comes before the compressor's own trailer (xz index and check, gzip CRC);
            // reading on to the end makes the decoder verify it.
            decompressed.CopyTo(Stream.Null);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ZstdException
            or SharpCompressException or FormatException
            && e is not DebFormatException and not PackageRecordException)
        {
            throw new DebFormatException(file, $"member '{member.Name}' cannot be read: {e.Message}", e);
        }
    }
}
