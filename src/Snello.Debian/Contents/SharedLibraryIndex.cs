using System.Text;

namespace Snello.Debian.Contents;

/// <summary>
/// Which packages ship a shared library in the loader's standard folders, read from an archive's
/// <c>Contents-ARCH</c> index (Debian wiki, RepositoryFormat: "Contents indices"). Only files in
/// <c>/lib</c>, <c>/usr/lib</c>, their <c>64</c> forms and their multiarch subfolders are kept: those are the
/// folders the dynamic loader searches without a RUNPATH, so they are where a needed library must come from.
/// </summary>
public sealed class SharedLibraryIndex
{
    private readonly Dictionary<string, List<SharedLibraryLocation>> _byName;

    private SharedLibraryIndex(Dictionary<string, List<SharedLibraryLocation>> byName) => _byName = byName;

    /// <summary>How many library file names the index knows.</summary>
    public int Count => _byName.Count;

    /// <summary>
    /// Every location, with its packages, of a library file name such as <c>libssl.so.3</c>; empty when no
    /// package of the index ships it in a standard folder.
    /// </summary>
    public IReadOnlyList<SharedLibraryLocation> Find(string fileName) =>
        _byName.TryGetValue(fileName, out var found) ? found : [];

    /// <summary>
    /// Reads a decompressed Contents index (lines of <c>PATH  [[AREA/]SECTION/]PACKAGE[,...]</c>, the path
    /// without its leading slash), keeping only shared libraries in the loader's standard folders.
    /// </summary>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static SharedLibraryIndex Read(Stream contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var byName = new Dictionary<string, List<SharedLibraryLocation>>(StringComparer.Ordinal);
        using var reader = new StreamReader(contents, Encoding.UTF8, detectEncodingFromByteOrderMarks: false,
            bufferSize: 1 << 16);
        while (reader.ReadLine() is { } line)
        {
            Add(byName, line);
        }

        return new SharedLibraryIndex(byName);
    }

    /// <summary>Writes the kept lines back in the Contents format, sorted, as a compact cache of the index.</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var lines = new List<string>();
        foreach (var locations in _byName.Values)
        {
            foreach (var location in locations)
            {
                lines.Add(location.Path.TrimStart('/') + " " + string.Join(',', location.Packages));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            writer.Write(line);
            writer.Write('\n');
        }
    }

    private static void Add(Dictionary<string, List<SharedLibraryLocation>> byName, string line)
    {
        var span = line.AsSpan();
        if (span.IndexOf(".so", StringComparison.Ordinal) < 0)
        {
            return;
        }

        // The path may itself hold spaces; the package list is the last field.
        var split = span.TrimEnd().LastIndexOfAny(' ', '\t');
        if (split <= 0)
        {
            return;
        }

        var path = span[..split].TrimEnd();
        var slash = path.LastIndexOf('/');
        if (slash <= 0 || !IsStandardFolder(path[..slash]))
        {
            return;
        }

        var name = path[(slash + 1)..];
        if (!IsSharedLibraryName(name))
        {
            return;
        }

        var packages = new List<string>();
        var field = span[(split + 1)..].Trim();
        foreach (var range in field.Split(','))
        {
            var qualified = field[range];
            var last = qualified.LastIndexOf('/');
            packages.Add(qualified[(last + 1)..].ToString());
        }

        var key = name.ToString();
        if (!byName.TryGetValue(key, out var list))
        {
            list = [];
            byName[key] = list;
        }

        list.Add(new SharedLibraryLocation("/" + path.ToString(), packages));
    }

    private static bool IsSharedLibraryName(ReadOnlySpan<char> name)
    {
        var at = name.IndexOf(".so", StringComparison.Ordinal);
        return at > 0 && (at + 3 == name.Length || name[at + 3] == '.');
    }

    /// <summary>
    /// <c>lib</c>, <c>lib64</c>, <c>lib32</c>, <c>libx32</c>, with or without <c>usr/</c>, and one multiarch
    /// tuple folder below them (<c>usr/lib/x86_64-linux-gnu</c>).
    /// </summary>
    internal static bool IsStandardFolder(ReadOnlySpan<char> folder)
    {
        if (folder.StartsWith("usr/", StringComparison.Ordinal))
        {
            folder = folder[4..];
        }

        var slash = folder.IndexOf('/');
        var top = slash < 0 ? folder : folder[..slash];
        if (top is not ("lib" or "lib64" or "lib32" or "libx32"))
        {
            return false;
        }

        if (slash < 0)
        {
            return true;
        }

        var tuple = folder[(slash + 1)..];
        return tuple.IndexOf('/') < 0 && tuple.Count('-') >= 2;
    }
}
