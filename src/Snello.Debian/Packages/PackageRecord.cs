using System.Globalization;
using Snello.Debian.Control;
using Snello.Debian.Versions;

namespace Snello.Debian.Packages;

/// <summary>
/// One binary package as a Packages index (or a .deb's control file) describes it (Debian policy 5.3, 5.6).
/// </summary>
public sealed class PackageRecord
{
    private PackageRecord(Deb822Paragraph paragraph)
    {
        Paragraph = paragraph;
    }

    /// <summary>All fields of the stanza, for those without a property.</summary>
    public Deb822Paragraph Paragraph { get; }

    /// <summary>The package name (<c>Package</c>).</summary>
    public required string Package { get; init; }

    /// <summary>The version (<c>Version</c>).</summary>
    public required DebianVersion Version { get; init; }

    /// <summary>The architecture (<c>Architecture</c>): <c>amd64</c>, <c>all</c>, ...</summary>
    public required string Architecture { get; init; }

    /// <summary>The <c>Depends</c> field; empty when absent.</summary>
    public required IReadOnlyList<Dependency> Depends { get; init; }

    /// <summary>The <c>Pre-Depends</c> field; empty when absent.</summary>
    public required IReadOnlyList<Dependency> PreDepends { get; init; }

    /// <summary>The <c>Provides</c> field; empty when absent.</summary>
    public required IReadOnlyList<Relation> Provides { get; init; }

    /// <summary>The .deb's path below the archive root (<c>Filename</c>), or null in a .deb's own control.</summary>
    public string? Filename { get; init; }

    /// <summary>The .deb's size in bytes (<c>Size</c>), or null when absent.</summary>
    public long? Size { get; init; }

    /// <summary>The .deb's SHA256, lowercase hex (<c>SHA256</c>), or null when absent.</summary>
    public string? Sha256 { get; init; }

    /// <summary>True for <c>Essential: yes</c>.</summary>
    public bool Essential { get; init; }

    /// <summary>The <c>Priority</c> (<c>required</c>, <c>important</c>, <c>optional</c>, ...), or null.</summary>
    public string? Priority { get; init; }

    /// <summary>The <c>Multi-Arch</c> value (<c>same</c>, <c>foreign</c>, <c>allowed</c>, <c>no</c>) or null.</summary>
    public string? MultiArch { get; init; }

    /// <summary>The source package's name: the <c>Source</c> field's name, or the package name without one.</summary>
    public required string SourceName { get; init; }

    /// <summary>
    /// The source package's version: the one in parentheses in <c>Source</c>, or the package's version.
    /// </summary>
    public required DebianVersion SourceVersion { get; init; }

    /// <summary>Reads a package stanza.</summary>
    /// <param name="paragraph">The stanza.</param>
    /// <returns>The record.</returns>
    /// <exception cref="PackageRecordException">A required field is missing or a field's value is malformed;
    /// the message names the file, the package, the field and the value.</exception>
    public static PackageRecord FromParagraph(Deb822Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var name = paragraph["Package"]
            ?? throw new PackageRecordException(paragraph, "Package", "", "is missing");
        string Required(string field) => paragraph[field]
            ?? throw new PackageRecordException(paragraph, field, "", "is missing");

        var version = Parse(paragraph, "Version", Required("Version"), DebianVersion.Parse);
        var (sourceName, sourceVersion) = (name, version);
        if (paragraph["Source"] is { } source)
        {
            var open = source.IndexOf('(', StringComparison.Ordinal);
            sourceName = (open < 0 ? source : source[..open]).Trim();
            if (open >= 0)
            {
                var inside = source[(open + 1)..].TrimEnd().TrimEnd(')');
                sourceVersion = Parse(paragraph, "Source", source, _ => DebianVersion.Parse(inside));
            }
        }

        long? size = null;
        if (paragraph["Size"] is { } sizeText)
        {
            size = Parse(paragraph, "Size", sizeText,
                t => long.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture));
        }

        var sha = paragraph["SHA256"];
        if (sha is not null && (sha.Length != 64 || !sha.All(char.IsAsciiHexDigit)))
        {
            throw new PackageRecordException(paragraph, "SHA256", sha, "is not 64 hex digits");
        }

        return new PackageRecord(paragraph)
        {
            Package = name,
            Version = version,
            Architecture = Required("Architecture"),
            Depends = Relations(paragraph, "Depends", RelationParser.Parse),
            PreDepends = Relations(paragraph, "Pre-Depends", RelationParser.Parse),
            Provides = Relations(paragraph, "Provides", RelationParser.ParseProvides),
            Filename = paragraph["Filename"],
            Size = size,
            Sha256 = sha?.ToLowerInvariant(),
            Essential = string.Equals(paragraph["Essential"], "yes", StringComparison.OrdinalIgnoreCase),
            Priority = paragraph["Priority"],
            MultiArch = paragraph["Multi-Arch"],
            SourceName = sourceName,
            SourceVersion = sourceVersion,
        };
    }

    /// <summary>The record as <c>name version architecture</c>.</summary>
    /// <returns>Such as <c>libc6 2.36-9+deb12u4 amd64</c>.</returns>
    public override string ToString() => $"{Package} {Version} {Architecture}";

    private static IReadOnlyList<T> Relations<T>(
        Deb822Paragraph paragraph, string field, Func<string, IReadOnlyList<T>> parse) =>
        paragraph[field] is { } value ? Parse(paragraph, field, value, parse) : [];

    private static T Parse<T>(Deb822Paragraph paragraph, string field, string value, Func<string, T> parse)
    {
        try
        {
            return parse(value);
        }
        catch (FormatException e)
        {
            throw new PackageRecordException(paragraph, field, value, e.Message, e);
        }
        catch (OverflowException e)
        {
            throw new PackageRecordException(paragraph, field, value, e.Message, e);
        }
    }
}
