namespace Snello.Oci.FileSystems;

/// <summary>Lexical normalisation of the paths tar members carry.</summary>
public static class TarPaths
{
    /// <summary>
    /// Normalises <paramref name="raw"/>: '/' and './' prefixes dropped, empty and '.' components removed,
    /// '..' resolved lexically and clamped at the root (so '../../etc/passwd' is 'etc/passwd'). The root
    /// itself is the empty string. Returns null for a name no member may have: empty, or holding NUL.
    /// </summary>
    public static string? Normalize(string raw)
    {
        if (raw.Length == 0 || raw.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var segment in raw.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(segment);
        }

        return string.Join('/', parts);
    }

    /// <summary>The parent part of a normalised path ("" for a top-level name).</summary>
    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    /// <summary>The last component of a normalised path.</summary>
    public static string Name(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>Joins a normalised parent and a name.</summary>
    public static string Join(string parent, string name) => parent.Length == 0 ? name : parent + "/" + name;
}
