using Snello.Oci.FileSystems;

namespace Snello.Build.Assembly;

/// <summary>Image paths in the form the assembly keeps them: relative to the root, no '.' or '..' parts.</summary>
internal static class ImagePath
{
    /// <summary>
    /// Normalises a tar member name or absolute image path: './' and '/' prefixes and trailing slashes
    /// dropped, '.' parts removed, '..' resolved lexically and clamped at the root. The root is "".
    /// </summary>
    public static string Normalize(string raw) => TarPaths.Normalize(raw) ?? string.Empty;

    /// <summary>The parent of a normalised path; "" for a top-level name.</summary>
    public static string Parent(string path) => TarPaths.Parent(path);

    /// <summary>Every ancestor of a normalised path, nearest the root first, without the root itself.</summary>
    public static IEnumerable<string> Ancestors(string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash >= 0;
             slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }
}
