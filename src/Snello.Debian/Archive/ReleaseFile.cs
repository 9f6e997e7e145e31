using System.Globalization;
using System.Security.Cryptography;
using Snello.Debian.Control;

namespace Snello.Debian.Archive;

/// <summary>
/// The fields of a Release file (the signed text of an InRelease) that a client needs: its dates, suite and
/// the SHA256 table of index files (Debian wiki, DebianRepository/Format).
/// </summary>
public sealed class ReleaseFile
{
    private readonly Dictionary<string, ReleaseFileEntry> _files;

    private ReleaseFile(string file, Deb822Paragraph paragraph, DateTimeOffset date, DateTimeOffset? validUntil,
        Dictionary<string, ReleaseFileEntry> files)
    {
        File = file;
        Paragraph = paragraph;
        Date = date;
        ValidUntil = validUntil;
        _files = files;
    }

    /// <summary>The Release or InRelease file, for messages.</summary>
    public string File { get; }

    /// <summary>All fields of the file.</summary>
    public Deb822Paragraph Paragraph { get; }

    /// <summary>When the archive wrote the file (<c>Date</c>).</summary>
    public DateTimeOffset Date { get; }

    /// <summary>When the file stops being trustworthy (<c>Valid-Until</c>), or null when it never does.</summary>
    public DateTimeOffset? ValidUntil { get; }

    /// <summary>The suite, such as <c>stable</c>, or null.</summary>
    public string? Suite => Paragraph["Suite"];

    /// <summary>The codename, such as <c>bookworm</c>, or null.</summary>
    public string? Codename => Paragraph["Codename"];

    /// <summary>The components the suite has.</summary>
    public IReadOnlyList<string> Components => Words("Components");

    /// <summary>The architectures the suite has.</summary>
    public IReadOnlyList<string> Architectures => Words("Architectures");

    /// <summary>The SHA256 table, in file order.</summary>
    public IReadOnlyCollection<ReleaseFileEntry> Files => _files.Values;

    /// <summary>Parses the text of a Release file.</summary>
    /// <param name="text">The text (for an InRelease, its verified signed text).</param>
    /// <param name="file">The file's name or URL, for messages.</param>
    /// <returns>The Release file.</returns>
    /// <exception cref="ReleaseFormatException">Date is missing, a date or a SHA256 line is malformed.</exception>
    /// <exception cref="Deb822FormatException">The text is not one deb822 paragraph.</exception>
    public static ReleaseFile Parse(string text, string file)
    {
        var paragraphs = Deb822Reader.Parse(text, file);
        if (paragraphs.Count != 1)
        {
            throw new ReleaseFormatException(file, "paragraph count", paragraphs.Count.ToString(
                CultureInfo.InvariantCulture), "is wrong: a Release file is exactly one paragraph");
        }

        var p = paragraphs[0];
        var date = ParseDate(file, "Date", p["Date"] ?? throw new ReleaseFormatException(
            file, "Date", "", "is missing: a Release file must say when it was made"));
        var validUntil = p["Valid-Until"] is { } until ? ParseDate(file, "Valid-Until", until) : (DateTimeOffset?)null;

        var files = new Dictionary<string, ReleaseFileEntry>(StringComparer.Ordinal);
        foreach (var line in (p["SHA256"] ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var valid = parts.Length == 3 && parts[0].Length == 64 && parts[0].All(char.IsAsciiHexDigit)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _);
            if (!valid)
            {
                throw new ReleaseFormatException(file, "SHA256", line, "is not a line 'HEX64 SIZE PATH'");
            }

            files[parts[2]] = new ReleaseFileEntry(parts[2], parts[0].ToLowerInvariant(),
                long.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        return new ReleaseFile(file, p, date, validUntil, files);
    }

    /// <summary>Refuses a Release file past its Valid-Until, as apt does.</summary>
    /// <param name="now">The time of the check.</param>
    /// <exception cref="ReleaseFormatException">Valid-Until is at or before <paramref name="now"/>.</exception>
    public void CheckValidUntil(DateTimeOffset now)
    {
        if (ValidUntil is { } until && until <= now)
        {
            throw new ReleaseFormatException(File, "Valid-Until", Paragraph["Valid-Until"]!,
                $"has passed (now {now.UtcDateTime.ToString("R", CultureInfo.InvariantCulture)}): the index "
                + "may be stale or replayed; fetch a fresh one");
        }
    }

    /// <summary>Looks an index file up in the SHA256 table.</summary>
    /// <param name="path">The path below the suite's folder.</param>
    /// <returns>The entry, or null when the table does not list it.</returns>
    public ReleaseFileEntry? Find(string path) => _files.GetValueOrDefault(path);

    /// <summary>Checks an index file's bytes against the SHA256 table.</summary>
    /// <param name="path">The path below the suite's folder, such as <c>main/binary-amd64/Packages.xz</c>.</param>
    /// <param name="content">The file's bytes.</param>
    /// <exception cref="HashMismatchException">The size or SHA256 differs from the table's.</exception>
    /// <exception cref="ReleaseFormatException">The table does not list the path.</exception>
    public void Verify(string path, ReadOnlySpan<byte> content)
    {
        var entry = Find(path) ?? throw new ReleaseFormatException(
            File, "SHA256", path, "is not listed: the Release file does not vouch for this index");
        if (content.Length != entry.Size)
        {
            throw new HashMismatchException(path, entry.Size.ToString(CultureInfo.InvariantCulture),
                content.Length.ToString(CultureInfo.InvariantCulture), "size");
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(content));
        if (actual != entry.Sha256)
        {
            throw new HashMismatchException(path, entry.Sha256, actual);
        }
    }

    // Release dates are RFC 2822 dates in UTC, such as 'Sat, 10 Aug 2024 09:16:41 UTC'; '+0000' and 'GMT'
    // are accepted as well.
    private static DateTimeOffset ParseDate(string file, string field, string value)
    {
        string[] formats = ["ddd, d MMM yyyy HH:mm:ss 'UTC'", "ddd, d MMM yyyy HH:mm:ss 'GMT'",
            "ddd, d MMM yyyy HH:mm:ss zzz"];
        var text = value.Trim();
        if (text.Length > 5 && text[^5] is '+' or '-' && text[^4..].All(char.IsAsciiDigit))
        {
            text = text[..^2] + ":" + text[^2..];
        }

        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : throw new ReleaseFormatException(file, field, value,
                "is not a date like 'Sat, 10 Aug 2024 09:16:41 UTC'");
    }

    private string[] Words(string name) =>
        (Paragraph[name] ?? "").Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
