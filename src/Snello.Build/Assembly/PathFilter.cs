namespace Snello.Build.Assembly;

/// <summary>A plan's exclude and keep globs: a path is left out when an exclude matches and no keep does.</summary>
internal sealed class PathFilter(IReadOnlyList<string> exclude, IReadOnlyList<string> keep)
{
    private readonly PathGlob[] _exclude = exclude.Select(g => new PathGlob(g)).ToArray();

    private readonly PathGlob[] _keep = keep.Select(g => new PathGlob(g)).ToArray();

    /// <summary>Whether the image path (normalised, without the leading slash) is left out.</summary>
    public bool Excludes(string path)
    {
        var absolute = "/" + path;
        return _exclude.Any(g => g.Matches(absolute)) && !_keep.Any(g => g.Matches(absolute));
    }
}
