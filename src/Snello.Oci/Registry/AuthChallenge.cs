using System.Text;

namespace Snello.Oci.Registry;

/// <summary>
/// One challenge of a <c>WWW-Authenticate</c> header (RFC 7235, section 4.1): a scheme such as <c>Bearer</c>
/// and its parameters, as in <c>Bearer realm="https://auth.example/token",service="registry.example"</c>.
/// </summary>
/// <param name="Scheme">The scheme, as written (compare it case-insensitively).</param>
/// <param name="Parameters">The parameters; names compare case-insensitively.</param>
public sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>Whether this is a Bearer (token) challenge.</summary>
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether this is a Basic challenge.</summary>
    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    /// <summary>A parameter's value, or null.</summary>
    public string? this[string name] => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// Parses a header value, which may hold several challenges separated by commas. Parameters are
    /// <c>name=token</c> or <c>name="quoted \" string"</c>; a token not followed by <c>=</c> starts the next
    /// challenge. Malformed trailing text is ignored rather than failing the request that carried it.
    /// </summary>
    public static IReadOnlyList<AuthChallenge> Parse(string? header)
    {
        var challenges = new List<AuthChallenge>();
        if (string.IsNullOrWhiteSpace(header))
        {
            return challenges;
        }

        var position = 0;
        string? scheme = null;
        var parameters = NewParameters();
        while (true)
        {
            SkipSeparators(header, ref position);
            if (position >= header.Length)
            {
                break;
            }

            var token = ReadToken(header, ref position);
            if (token.Length == 0)
            {
                break;
            }

            SkipSpaces(header, ref position);
            if (scheme is not null && position < header.Length && header[position] == '=')
            {
                position++;
                SkipSpaces(header, ref position);
                parameters[token] = position < header.Length && header[position] == '"'
                    ? ReadQuoted(header, ref position)
                    : ReadToken(header, ref position);
                continue;
            }

            if (scheme is not null)
            {
                challenges.Add(new AuthChallenge(scheme, parameters));
                parameters = NewParameters();
            }

            scheme = token;
        }

        if (scheme is not null)
        {
            challenges.Add(new AuthChallenge(scheme, parameters));
        }

        return challenges;
    }

    private static Dictionary<string, string> NewParameters() => new(StringComparer.OrdinalIgnoreCase);

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }
    }

    private static void SkipSeparators(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t' or ',')
        {
            position++;
        }
    }

    private static string ReadToken(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is not (' ' or '\t' or ',' or '=' or '"'))
        {
            position++;
        }

        return text[start..position];
    }

    private static string ReadQuoted(string text, ref int position)
    {
        var value = new StringBuilder();
        position++;
        while (position < text.Length && text[position] != '"')
        {
            if (text[position] == '\\' && position + 1 < text.Length)
            {
                position++;
            }

            value.Append(text[position]);
            position++;
        }

        position = Math.Min(position + 1, text.Length);
        return value.ToString();
    }
}
