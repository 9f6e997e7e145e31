using System.IO.Compression;
using SharpCompress.Compressors.Xz;
using Snello.Debian.Control;
using Snello.Debian.Packages;

namespace Snello.Debian.Archive;

/// <summary>
/// Reads a Packages index (Debian wiki, DebianRepository/Format): plain, gzip (<c>.gz</c>) or xz (<c>.xz</c>),
/// checked against its signed Release file before any of it is parsed.
/// </summary>
public static class PackagesIndex
{
    /// <summary>Checks a downloaded index against the Release file's SHA256 table, then parses it.</summary>
    /// <param name="content">The index file's bytes, compressed as its name says.</param>
    /// <param name="path">Its path below the suite's folder, such as <c>main/binary-amd64/Packages.xz</c>.</param>
    /// <param name="release">The verified Release file that lists it.</param>
    /// <returns>The package records, in file order.</returns>
    /// <exception cref="HashMismatchException">The bytes differ from what the Release file lists.</exception>
    /// <exception cref="ReleaseFormatException">The Release file does not list the path.</exception>
    /// <exception cref="InvalidDataException">The data does not decompress.</exception>
    /// <exception cref="Deb822FormatException">The index is not valid deb822.</exception>
    /// <exception cref="PackageRecordException">A stanza lacks a required field or has a malformed one.</exception>
    public static IReadOnlyList<PackageRecord> Load(byte[] content, string path, ReleaseFile release)
    {
        ArgumentNullException.ThrowIfNull(release);
        release.Verify(path, content);
        using var stream = new MemoryStream(content, writable: false);
        return Read(stream, path).ToList();
    }

    /// <summary>Parses an index as it is read, decompressing by the name's extension.</summary>
    /// <remarks>
    /// This does no hash check: use it on data already verified, or call <see cref="Load"/>. An xz file
    /// that holds several concatenated xz streams is refused, since the decoder reads only the first;
    /// Debian's indexes are single streams. Corrupt compressed data surfaces as the decoder's own exception
    /// (System.IO.Compression's or SharpCompress's), not translated; <see cref="Load"/> checks the hash
    /// first, so there only an index the archive signed could be corrupt.
    /// </remarks>
    /// <param name="stream">The file's bytes; it is not disposed.</param>
    /// <param name="path">The file's name; <c>.xz</c> and <c>.gz</c> select the decompressor.</param>
    /// <returns>The package records, produced lazily.</returns>
    /// <exception cref="InvalidDataException">The data does not decompress.</exception>
    /// <exception cref="Deb822FormatException">The index is not valid deb822.</exception>
    /// <exception cref="PackageRecordException">A stanza lacks a required field or has a malformed one.</exception>
    public static IEnumerable<PackageRecord> Read(Stream stream, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(path);
        return ReadIterator(stream, path);
    }

    private static IEnumerable<PackageRecord> ReadIterator(Stream stream, string path)
    {
        var decompressed = Decompress(stream, path);
        try
        {
            using var reader = new StreamReader(decompressed, leaveOpen: true);
            foreach (var paragraph in Deb822Reader.Read(reader, path))
            {
                yield return PackageRecord.FromParagraph(paragraph);
            }
        }
        finally
        {
            if (!ReferenceEquals(decompressed, stream))
            {
                decompressed.Dispose();
            }
        }

        if (path.EndsWith(".xz", StringComparison.Ordinal) && HasMoreData(stream))
        {
            throw new InvalidDataException(
                $"'{path}' holds more than one xz stream; only single-stream xz indexes are supported");
        }
    }

    private static Stream Decompress(Stream stream, string path)
    {
        try
        {
            if (path.EndsWith(".gz", StringComparison.Ordinal))
            {
                return new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            }

            // SharpCompress reads the base stream's Position, which not every stream supports; the wrapper
            // also keeps the caller's stream open when the decoder is disposed.
            return path.EndsWith(".xz", StringComparison.Ordinal)
                ? new XZStream(new PositionCountingStream(stream))
                : stream;
        }
        catch (Exception e) when (e is not InvalidDataException and not ArgumentException)
        {
            throw new InvalidDataException($"'{path}' is not valid {Path.GetExtension(path)} data: {e.Message}", e);
        }
    }

    // After the first xz stream, only stream padding (zero bytes) may follow.
    private static bool HasMoreData(Stream stream)
    {
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            if (b != 0)
            {
                return true;
            }
        }

        return false;
    }
}
