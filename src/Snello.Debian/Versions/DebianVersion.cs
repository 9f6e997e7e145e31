using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Snello.Debian.Versions;

/// <summary>
/// A Debian package version, <c>[epoch:]upstream_version[-debian_revision]</c> (Debian policy 5.6.12),
/// ordered exactly as <c>dpkg --compare-versions</c> orders versions.
/// </summary>
/// <remarks>
/// Equality follows the order, not the text: <c>1.0</c>, <c>0:1.00</c> and <c>1.0-0</c> are equal, as dpkg
/// says. <see cref="ToString"/> gives back the text that was parsed.
/// </remarks>
public sealed partial class DebianVersion : IComparable<DebianVersion>, IEquatable<DebianVersion>
{
    private readonly string _text;

    private DebianVersion(string text, int epoch, string upstream, string revision)
    {
        _text = text;
        Epoch = epoch;
        Upstream = upstream;
        Revision = revision;
    }

    /// <summary>The epoch, 0 when the version has none.</summary>
    public int Epoch { get; }

    /// <summary>The upstream version: everything between the epoch's colon and the last hyphen.</summary>
    public string Upstream { get; }

    /// <summary>The Debian revision after the last hyphen, empty when the version has none.</summary>
    public string Revision { get; }

    /// <summary>Parses a version string.</summary>
    /// <param name="value">The version, such as <c>1:2.36-9+deb12u4</c>; surrounding blanks are ignored.</param>
    /// <returns>The parsed version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="DebianVersionFormatException">The string is not a Debian version.</exception>
    public static DebianVersion Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var version, out var reason)
            ? version
            : throw new DebianVersionFormatException(value, reason);
    }

    /// <summary>Parses a version string, returning false instead of throwing.</summary>
    /// <param name="value">The version string, or null.</param>
    /// <param name="version">The version when the string parses.</param>
    /// <returns>True when the string is a Debian version.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out DebianVersion? version)
        => TryParse(value, out version, out _);

    private static bool TryParse(
        string? value, [NotNullWhen(true)] out DebianVersion? version, out string reason)
    {
        version = null;
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            reason = "a version must not be empty";
            return false;
        }

        if (text.Any(char.IsWhiteSpace))
        {
            reason = "a version must not contain blanks";
            return false;
        }

        // Policy 5.6.12: the epoch runs up to the first colon; the revision starts after the last hyphen.
        var epoch = 0;
        var rest = text;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var epochText = text[..colon];
            if (epochText.Length == 0 || !epochText.All(char.IsAsciiDigit))
            {
                reason = $"the epoch '{epochText}' must be an unsigned number";
                return false;
            }

            if (!int.TryParse(epochText, NumberStyles.None, CultureInfo.InvariantCulture, out epoch))
            {
                reason = $"the epoch '{epochText}' is larger than {int.MaxValue}";
                return false;
            }

            rest = text[(colon + 1)..];
        }

        var upstream = rest;
        var revision = "";
        var hyphen = rest.LastIndexOf('-');
        if (hyphen >= 0)
        {
            upstream = rest[..hyphen];
            revision = rest[(hyphen + 1)..];
            if (revision.Length == 0)
            {
                reason = "the revision after the last '-' must not be empty";
                return false;
            }
        }

        if (upstream.Length == 0)
        {
            reason = "the upstream version must not be empty";
            return false;
        }

        // dpkg only warns when the upstream version does not start with a digit, and real archives hold
        // such versions, so they are accepted; characters outside the policy's sets are refused.
        var badUpstream = upstream.FirstOrDefault(c => !char.IsAsciiLetterOrDigit(c) && !".+~-:".Contains(c));
        if (badUpstream != default)
        {
            reason = $"the upstream version '{upstream}' holds '{badUpstream}'; " +
                "expected only letters, digits and . + ~ - :";
            return false;
        }

        var badRevision = revision.FirstOrDefault(c => !char.IsAsciiLetterOrDigit(c) && !".+~".Contains(c));
        if (badRevision != default)
        {
            reason = $"the revision '{revision}' holds '{badRevision}'; expected only letters, digits and . + ~";
            return false;
        }

        version = new DebianVersion(text, epoch, upstream, revision);
        reason = "";
        return true;
    }

    /// <summary>The version as it was parsed (without surrounding blanks).</summary>
    /// <returns>The version text.</returns>
    public override string ToString() => _text;
}
