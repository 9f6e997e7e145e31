namespace Snello.Build.Paths;

/// <summary>
/// Decides which package paths go into an image: a path is dropped when an exclude glob matches it or one of
/// its parent folders, unless a keep glob matches it or a parent. A folder stays when a keep glob can match
/// something inside it, so <c>/usr/share/doc/libc6</c> stays to hold its kept <c>copyright</c>.
/// </summary>
public sealed class PathFilter
{
    private readonly GlobPattern[] _exclude;
    private readonly GlobPattern[] _keep;

    /// <summary>Creates a filter.</summary>
    /// <param name="exclude">Globs of paths to drop.</param>
    /// <param name="keep">Globs of paths to keep even when an exclude glob matches.</param>
    /// <exception cref="FormatException">A glob is not valid (see <see cref="GlobPattern.Parse"/>).</exception>
    public PathFilter(IEnumerable<string> exclude, IEnumerable<string> keep)
    {
        ArgumentNullException.ThrowIfNull(exclude);
        ArgumentNullException.ThrowIfNull(keep);
        _exclude = [.. exclude.Select(GlobPattern.Parse)];
        _keep = [.. keep.Select(GlobPattern.Parse)];
    }

    /// <summary>The exclude globs.</summary>
    public IReadOnlyList<GlobPattern> ExcludePatterns => _exclude;

    /// <summary>The keep globs.</summary>
    public IReadOnlyList<GlobPattern> KeepPatterns => _keep;

    /// <summary>True when the path stays in the image.</summary>
    /// <param name="path">An absolute image path; <c>./usr/bin</c> (tar style) is read as <c>/usr/bin</c>.</param>
    /// <param name="isDirectory">Whether the path is a folder (which stays when it can hold a kept path).</param>
    /// <returns>True when the path is kept.</returns>
    public bool Includes(string path, bool isDirectory = false)
    {
        var normal = Normalize(path);
        if (!MatchesSelfOrParent(_exclude, normal) || MatchesSelfOrParent(_keep, normal))
        {
            return true;
        }

        return isDirectory && _keep.Any(k => k.CanMatchBelow(normal));
    }

    private static bool MatchesSelfOrParent(GlobPattern[] patterns, string path)
    {
        for (var current = path; current.Length > 0; current = Parent(current))
        {
            if (patterns.Any(p => p.IsMatch(current)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "" : path[..slash];
    }

    private static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.StartsWith("./", StringComparison.Ordinal) ? path[1..] : path;
        trimmed = trimmed.TrimEnd('/');
        return trimmed.StartsWith('/') ? trimmed : "/" + trimmed;
    }
}
