using System.Text;
using System.Text.RegularExpressions;

namespace Snello.Analysis.Libraries;

/// <summary>
/// The directories /etc/ld.so.conf names (ldconfig(8)): one or more per line, separated by white space,
/// ':' or ','; '#' starts a comment; 'include PATTERN' reads more files, the pattern's last component being a
/// glob ('/etc/ld.so.conf.d/*.conf'), relative patterns taken from /etc; 'hwcap' lines are ignored.
/// ldconfig writes these into ld.so.cache, which the loader consults after RUNPATH; reading the
/// configuration instead of the cache works on images whose cache is stale or absent.
/// </summary>
public static class LdSoConf
{
    /// <summary>The configuration file the loader's cache is made from.</summary>
    public const string Path = "/etc/ld.so.conf";

    private const int MaxIncludeDepth = 8;

    /// <summary>
    /// The directories in the order the configuration names them, each once; the configuration files read
    /// (by canonical path) are added to <paramref name="read"/>.
    /// </summary>
    /// <exception cref="Oci.FileSystems.SymlinkLoopException">A path holds a symlink loop.</exception>
    public static IReadOnlyList<string> Read(IFileLookup files, ICollection<string>? read = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var directories = new List<string>();
        ReadFile(files, Path, directories, read, depth: 0);
        return directories.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void ReadFile(IFileLookup files, string path, List<string> directories,
        ICollection<string>? read, int depth)
    {
        var links = new List<string>();
        if (depth > MaxIncludeDepth || ChrootPath.Resolve(files, path, links) is not { } real
            || files.ReadAllBytes(real) is not { } bytes)
        {
            return;
        }

        foreach (var link in links)
        {
            read?.Add(link);
        }

        read?.Add(real);
        foreach (var raw in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0 || line.StartsWith("hwcap ", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("include", StringComparison.Ordinal) && line.Length > 7 && char.IsWhiteSpace(line[7]))
            {
                foreach (var pattern in line[8..].Split(' ', '\t').Where(p => p.Length > 0))
                {
                    foreach (var included in Expand(files, ChrootPath.Join(ChrootPath.Parent(path), pattern)))
                    {
                        ReadFile(files, included, directories, read, depth + 1);
                    }
                }

                continue;
            }

            directories.AddRange(line.Split([' ', '\t', ':', ','], StringSplitOptions.RemoveEmptyEntries)
                .Where(d => d.StartsWith('/')));
        }
    }

    /// <summary>The files an include pattern names, sorted as the shell's glob sorts them.</summary>
    private static IEnumerable<string> Expand(IFileLookup files, string pattern)
    {
        var directory = ChrootPath.Parent(pattern);
        var name = pattern[(pattern.LastIndexOf('/') + 1)..];
        if (!name.Contains('*', StringComparison.Ordinal) && !name.Contains('?', StringComparison.Ordinal)
            && !name.Contains('[', StringComparison.Ordinal))
        {
            return [pattern];
        }

        if (ChrootPath.Resolve(files, directory) is not { } real)
        {
            return [];
        }

        var regex = new Regex("^" + Regex.Escape(name).Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal).Replace(@"\[", "[", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return files.List(real).Where(n => regex.IsMatch(n)).Select(n => ChrootPath.Join(directory, n));
    }
}
