using Snello.Oci.References;

namespace Snello.Oci.Transports;

/// <summary>
/// Where an image is: a transport and what follows its prefix, as in <c>oci:out:latest</c> or
/// <c>docker-archive:app.tar:app:1.0</c>. A bare reference such as <c>debian:bookworm</c> means a registry.
/// </summary>
public sealed record ImageLocation
{
    /// <summary>The prefixes, as written.</summary>
    public static readonly IReadOnlyList<string> Prefixes =
        ["docker://", "oci:", "oci-archive:", "docker-archive:", "docker-daemon:", "dir:"];

    /// <summary>The transport.</summary>
    public required TransportKind Kind { get; init; }

    /// <summary>The folder or file of a local transport.</summary>
    public string? Path { get; init; }

    /// <summary>
    /// The tag in a layout (<c>oci:</c>, <c>oci-archive:</c>), the image reference in a docker archive, or null.
    /// </summary>
    public string? Tag { get; init; }

    /// <summary>The image's position in a docker archive (<c>docker-archive:FILE:@N</c>), or null.</summary>
    public int? ArchiveIndex { get; init; }

    /// <summary>The image reference of a registry or daemon location.</summary>
    public ImageReference? Reference { get; init; }

    /// <summary>The text this location was parsed from.</summary>
    public required string Text { get; init; }

    /// <summary>Parses a location.</summary>
    /// <exception cref="FormatException">Not a location; the message quotes it and lists the forms.</exception>
    public static ImageLocation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw Invalid(text, "it is empty");
        }

        if (text.StartsWith("docker://", StringComparison.Ordinal))
        {
            return Remote(TransportKind.Registry, text, text["docker://".Length..]);
        }

        if (text.StartsWith("docker-daemon:", StringComparison.Ordinal))
        {
            return Remote(TransportKind.DockerDaemon, text, text["docker-daemon:".Length..]);
        }

        foreach (var (prefix, kind) in LocalPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return Local(kind, text, text[prefix.Length..]);
            }
        }

        if (LooksLikeUnknownTransport(text, out var unknown))
        {
            throw Invalid(text, $"unknown transport '{unknown}:'");
        }

        return Remote(TransportKind.Registry, text, text);
    }

    // "name:rest" is a transport when "rest" cannot be a tag ("/var/lib", "x/y") and "name:" cannot be a
    // registry host with a port ("localhost:5000/app", "registry:443/app").
    private static bool LooksLikeUnknownTransport(string text, out string prefix)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        prefix = colon > 0 ? text[..colon] : "";
        if (colon <= 0 || text.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 && slash < colon)
        {
            return false;
        }

        var rest = text[(colon + 1)..];
        var port = rest.Split('/')[0];
        var isPort = port.Length > 0 && port.All(char.IsAsciiDigit);
        return prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') &&
            rest.Contains('/', StringComparison.Ordinal) && !isPort;
    }

    private static readonly (string Prefix, TransportKind Kind)[] LocalPrefixes =
    [
        ("oci-archive:", TransportKind.OciArchive),
        ("oci:", TransportKind.OciLayout),
        ("docker-archive:", TransportKind.DockerArchive),
        ("dir:", TransportKind.Directory),
    ];

    private static ImageLocation Remote(TransportKind kind, string text, string reference)
    {
        try
        {
            return new ImageLocation { Kind = kind, Text = text, Reference = ImageReference.Parse(reference) };
        }
        catch (FormatException e)
        {
            throw new FormatException($"invalid image location '{text}': {e.Message}", e);
        }
    }

    private static ImageLocation Local(TransportKind kind, string text, string rest)
    {
        // As skopeo does on Unix: the path ends at the first ':'; what follows is the tag or reference.
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var path = colon < 0 ? rest : rest[..colon];
        var tag = colon < 0 ? null : rest[(colon + 1)..];
        if (path.Length == 0)
        {
            throw Invalid(text, "the path is empty");
        }

        if (tag is not null && tag.Length == 0)
        {
            throw Invalid(text, "the tag after ':' is empty");
        }

        if (kind == TransportKind.Directory && tag is not null)
        {
            throw Invalid(text, "dir: takes a path only, with no ':TAG'");
        }

        int? archiveIndex = null;
        if (tag is not null && tag.StartsWith('@'))
        {
            if (kind != TransportKind.DockerArchive || !int.TryParse(tag.AsSpan(1), out var n) || n < 0)
            {
                throw Invalid(text, $"'{tag}' is not a position; only docker-archive: takes '@N', N from 0");
            }

            archiveIndex = n;
            tag = null;
        }

        if (tag is not null && kind is TransportKind.OciLayout or TransportKind.OciArchive && !IsLayoutTag(tag))
        {
            throw Invalid(text, $"tag '{tag}' has characters outside [A-Za-z0-9._-:@/+]");
        }

        if (tag is not null && kind == TransportKind.DockerArchive)
        {
            try
            {
                _ = ImageReference.Parse(tag);
            }
            catch (FormatException e)
            {
                throw new FormatException($"invalid image location '{text}': {e.Message}", e);
            }
        }

        return new ImageLocation { Kind = kind, Text = text, Path = path, Tag = tag, ArchiveIndex = archiveIndex };
    }

    // OCI image spec, annotations.md: ref names are alphanumerics and - . _ : @ / + joined by separators.
    private static bool IsLayoutTag(string tag) =>
        tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or ':' or '@' or '/' or '+');

    private static FormatException Invalid(string text, string why) =>
        new($"invalid image location '{text}': {why}; expected one of docker://REF, REF, oci:DIR[:TAG], " +
            "oci-archive:FILE[:TAG], docker-archive:FILE[:REF|:@N], docker-daemon:REF, dir:PATH");

    /// <inheritdoc />
    public override string ToString() => Text;
}
