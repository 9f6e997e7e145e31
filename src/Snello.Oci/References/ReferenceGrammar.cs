using System.Net;
using System.Net.Sockets;

namespace Snello.Oci.References;

/// <summary>
/// The character rules of the distribution reference grammar (distribution/reference, grammar.go and
/// regexp.go). Each check returns null when the text conforms, or a sentence that quotes the bad value
/// and says what was expected.
/// </summary>
internal static class ReferenceGrammar
{
    /// <summary>The longest registry plus repository name the grammar allows (NameTotalLengthMax).</summary>
    public const int NameLengthMax = 255;

    /// <summary>The longest tag: one leading word character and up to 127 more.</summary>
    public const int TagLengthMax = 128;

    private const string TagForm =
        "expected 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'";

    /// <summary>Checks a tag against <c>[\w][\w.-]{0,127}</c>, where \w is ASCII as in Go's RE2.</summary>
    public static string? CheckTag(string tag)
    {
        var valid = tag.Length is > 0 and <= TagLengthMax && IsWordCharacter(tag[0]);
        for (var i = 1; valid && i < tag.Length; i++)
        {
            valid = IsWordCharacter(tag[i]) || tag[i] is '.' or '-';
        }

        return valid ? null : $"tag '{tag}' is not valid; {TagForm}";
    }

    /// <summary>
    /// Checks a registry: a host, which is a domain name or a bracketed IPv6 address, and an optional
    /// decimal port after ':'.
    /// </summary>
    public static string? CheckDomain(string domain)
    {
        string host;
        string? port = null;
        if (domain.StartsWith('['))
        {
            var close = domain.IndexOf(']', StringComparison.Ordinal);
            host = close < 0 ? domain : domain[..(close + 1)];
            var rest = domain[host.Length..];
            if (rest.Length > 0 && rest[0] != ':')
            {
                return $"registry '{domain}' has '{rest}' after its IPv6 address; expected '[address]:port'";
            }

            port = rest.Length > 0 ? rest[1..] : null;
            if (!IsIpv6Literal(host))
            {
                return $"registry '{domain}' has no valid IPv6 address in brackets; expected a form such as " +
                    "'[::1]:5000'";
            }
        }
        else
        {
            var colon = domain.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? domain : domain[..colon];
            port = colon < 0 ? null : domain[(colon + 1)..];
            if (!IsDomainName(host))
            {
                return $"registry host '{host}' is not valid; expected labels of letters, digits and inner " +
                    "'-' joined by '.', such as 'registry.example.com'";
            }
        }

        if (port is not null && (port.Length == 0 || !port.All(char.IsAsciiDigit)))
        {
            return $"registry '{domain}' has port '{port}'; expected a decimal number, such as 'localhost:5000'";
        }

        return null;
    }

    /// <summary>
    /// Checks a repository path: components of lowercase letters and digits, joined inside by one '.',
    /// one '_', two '_' or a run of '-', and joined to each other by single '/'.
    /// </summary>
    public static string? CheckPath(string path)
    {
        if (path.Any(char.IsAsciiLetterUpper))
        {
            return $"repository names must be lowercase, got '{path}'";
        }

        if (path.Length == 0)
        {
            return "the repository name is empty; expected a name such as 'debian' or 'team/app'";
        }

        foreach (var component in path.Split('/'))
        {
            if (component.Length == 0)
            {
                return $"repository '{path}' has an empty path component; expected components joined by " +
                    "single '/', with none at the start or end";
            }

            if (!IsPathComponent(component))
            {
                return $"path component '{component}' of repository '{path}' is not valid; expected lowercase " +
                    "letters and digits joined by '.', '_', '__' or '-'";
            }
        }

        return null;
    }

    private static bool IsPathComponent(string component)
    {
        var i = 0;
        while (true)
        {
            var runStart = i;
            while (i < component.Length && IsLowercaseAlphanumeric(component[i]))
            {
                i++;
            }

            // A separator must sit between two alphanumeric runs: none at the start, the end, or twice.
            if (i == runStart)
            {
                return false;
            }

            if (i == component.Length)
            {
                return true;
            }

            switch (component[i])
            {
                case '-':
                    while (i < component.Length && component[i] == '-')
                    {
                        i++;
                    }

                    break;
                case '_':
                    i += i + 1 < component.Length && component[i + 1] == '_' ? 2 : 1;
                    break;
                case '.':
                    i++;
                    break;
                default:
                    return false;
            }
        }
    }

    private static bool IsDomainName(string host)
    {
        if (host.Length == 0)
        {
            return false;
        }

        foreach (var label in host.Split('.'))
        {
            if (label.Length == 0 || label[0] == '-' || label[^1] == '-' ||
                !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIpv6Literal(string host)
    {
        // The grammar's ipv6address is loose, [a-fA-F0-9:]+ in brackets; an address that cannot be
        // parsed could never be dialled, so it is refused here rather than at connection time.
        if (host.Length < 3 || host[0] != '[' || host[^1] != ']')
        {
            return false;
        }

        var inner = host[1..^1];
        return inner.All(c => char.IsAsciiHexDigit(c) || c == ':') &&
            IPAddress.TryParse(inner, out var address) &&
            address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    private static bool IsWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsLowercaseAlphanumeric(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
