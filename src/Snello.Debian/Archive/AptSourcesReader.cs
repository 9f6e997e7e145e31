using Snello.Debian.Control;

namespace Snello.Debian.Archive;

/// <summary>
/// Reads the host's apt repositories (sources.list(5)): <c>etc/apt/sources.list</c> and, in name order,
/// <c>etc/apt/sources.list.d/*.list</c> (one-line form) and <c>*.sources</c> (deb822 form).
/// </summary>
/// <remarks>
/// apt's own configuration (<c>Dir::Etc::sourcelist</c> and friends in apt.conf) is not read: the files
/// are always looked for at their default places under the given root. Files with other extensions, as
/// apt ignores them, are ignored.
/// </remarks>
public static class AptSourcesReader
{
    private static readonly char[] Blanks = [' ', '\t'];

    /// <summary>Reads every sources file of a root filesystem.</summary>
    /// <param name="root">The root folder; <c>/</c> for the host.</param>
    /// <returns>The entries in apt's order; empty when there are no sources files.</returns>
    /// <exception cref="AptSourcesFormatException">A file has a malformed entry; the message names it.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static IReadOnlyList<AptSource> ReadRoot(string root = "/")
    {
        var etc = Path.Combine(root, "etc", "apt");
        var sources = new List<AptSource>();
        var main = Path.Combine(etc, "sources.list");
        if (File.Exists(main))
        {
            sources.AddRange(ParseOneLine(File.ReadAllText(main), main));
        }

        var parts = Path.Combine(etc, "sources.list.d");
        if (!Directory.Exists(parts))
        {
            return sources;
        }

        foreach (var file in Directory.EnumerateFiles(parts).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".list", StringComparison.Ordinal))
            {
                sources.AddRange(ParseOneLine(File.ReadAllText(file), file));
            }
            else if (file.EndsWith(".sources", StringComparison.Ordinal))
            {
                sources.AddRange(ParseDeb822(File.ReadAllText(file), file));
            }
        }

        return sources;
    }

    /// <summary>Parses the one-line form: <c>deb [ option=value ... ] URI SUITE [COMPONENT ...]</c>.</summary>
    /// <param name="text">The file's text; <c>#</c> starts a comment.</param>
    /// <param name="file">The file's name, for origins and messages.</param>
    /// <returns>The entries, one per line.</returns>
    /// <exception cref="AptSourcesFormatException">A line is malformed; the message names it.</exception>
    public static IReadOnlyList<AptSource> ParseOneLine(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sources = new List<AptSource>();
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var raw = lines[n].TrimEnd('\r');
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length > 0)
            {
                sources.Add(ParseLine(line, file, n + 1));
            }
        }

        return sources;
    }

    /// <summary>Parses the deb822 form: paragraphs with Types, URIs, Suites, Components and options.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="file">The file's name, for origins and messages.</param>
    /// <returns>One entry per type, URI and suite of every paragraph, disabled ones included.</returns>
    /// <exception cref="AptSourcesFormatException">A paragraph is malformed; the message names it.</exception>
    public static IReadOnlyList<AptSource> ParseDeb822(string text, string file)
    {
        IReadOnlyList<Deb822Paragraph> paragraphs;
        try
        {
            paragraphs = Deb822Reader.Parse(text, file);
        }
        catch (Deb822FormatException e)
        {
            throw new AptSourcesFormatException(file, e.LineNumber, e.Line, e.Reason, e);
        }

        var sources = new List<AptSource>();
        foreach (var p in paragraphs)
        {
            var first = $"{p.Fields[0].Name}: {p.Fields[0].Lines[0]}";
            string[] Words(string name) =>
                (p[name] ?? "").Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);

            var types = Words("Types");
            var uris = Words("URIs");
            var suites = Words("Suites");
            var components = Words("Components");
            if (types.Length == 0 || uris.Length == 0 || suites.Length == 0)
            {
                throw new AptSourcesFormatException(
                    file, p.LineNumber, first, "an entry needs Types, URIs and Suites");
            }

            var enabled = true;
            if (p.TryGetField("Enabled", out var enabledField))
            {
                enabled = enabledField.Folded.ToUpperInvariant() switch
                {
                    "YES" or "TRUE" => true,
                    "NO" or "FALSE" => false,
                    _ => throw new AptSourcesFormatException(file, enabledField.LineNumber, enabledField.Value,
                        $"Enabled '{enabledField.Value}' must be 'yes' or 'no'"),
                };
            }

            string[] known = ["Types", "URIs", "Suites", "Components", "Signed-By", "Enabled"];
            var options = p.Fields
                .Where(f => !known.Contains(f.Name, StringComparer.OrdinalIgnoreCase))
                .ToDictionary(f => f.Name.ToLowerInvariant(), f => f.Folded);
            // A key block written in place starts on the line after 'Signed-By:' and keeps its lines.
            string? signedBy = null;
            if (p.TryGetField("Signed-By", out var signed))
            {
                signedBy = signed.Lines.Count > 1 && signed.Lines[0].Length == 0
                    ? string.Join('\n', signed.Lines.Skip(1))
                    : signed.Folded;
            }

            foreach (var type in types)
            {
                CheckType(type, file, p.LineNumber, first);
                foreach (var uri in uris)
                {
                    foreach (var suite in suites)
                    {
                        var parts = suite.EndsWith('/') ? [] : components;
                        if (parts.Length == 0 && !suite.EndsWith('/'))
                        {
                            throw new AptSourcesFormatException(file, p.LineNumber, first, $"suite '{suite}' "
                                + "needs Components (only an exact path ending in '/' has none)");
                        }

                        var parsed = ParseUri(uri, file, p.LineNumber);
                        sources.Add(new AptSource(
                            type, parsed, suite, parts, options, signedBy, enabled, $"{file}:{p.LineNumber}"));
                    }
                }
            }
        }

        return sources;
    }

    private static AptSource ParseLine(string line, string file, int number)
    {
        var type = line.Split(Blanks, 2)[0];
        CheckType(type, file, number, line);
        var rest = line[type.Length..].TrimStart();

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new AptSourcesFormatException(
                    file, number, line, "the '[' of the options is not closed by ']'");
            }

            foreach (var option in rest[1..close].Split(Blanks, StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = option.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new AptSourcesFormatException(
                        file, number, line, $"the option '{option}' must be written 'name=value'");
                }

                options[option[..equals].ToLowerInvariant()] = option[(equals + 1)..];
            }

            rest = rest[(close + 1)..].TrimStart();
        }

        var words = rest.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            throw new AptSourcesFormatException(
                file, number, line, "expected 'deb [options] URI SUITE [COMPONENT...]'");
        }

        var suite = words[1];
        var components = words[2..];
        if (suite.EndsWith('/') != (components.Length == 0))
        {
            throw new AptSourcesFormatException(file, number, line, suite.EndsWith('/')
                ? $"the exact path '{suite}' takes no components"
                : $"suite '{suite}' needs at least one component");
        }

        options.Remove("signed-by", out var signedBy);
        return new AptSource(type, ParseUri(words[0], file, number), suite, components, options, signedBy,
            Enabled: true, $"{file}:{number}");
    }

    private static void CheckType(string type, string file, int number, string text)
    {
        if (type is not ("deb" or "deb-src"))
        {
            throw new AptSourcesFormatException(file, number, text, $"type '{type}' must be 'deb' or 'deb-src'");
        }
    }

    private static Uri ParseUri(string text, string file, int number)
    {
        // On Unix a bare path parses as an absolute file URI, but apt wants a scheme. .NET does not read
        // the 'file:/path' form apt allows, so it is rewritten as 'file:///path'.
        var shortFile = text.StartsWith("file:/", StringComparison.Ordinal)
            && !text.StartsWith("file://", StringComparison.Ordinal);
        var spelled = shortFile ? "file://" + text["file:".Length..] : text;
        var valid = Uri.TryCreate(spelled, UriKind.Absolute, out var uri)
            && (!uri.IsFile || text.StartsWith("file:", StringComparison.Ordinal));
        if (!valid)
        {
            throw new AptSourcesFormatException(
                file, number, text, $"the URI '{text}' must be absolute, such as 'http://mirror.example/debian'");
        }

        return uri!;
    }
}
