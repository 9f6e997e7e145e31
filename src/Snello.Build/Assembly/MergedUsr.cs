namespace Snello.Build.Assembly;

/// <summary>
/// The merged-/usr layout Debian 12 and later install (and distroless images have): <c>/bin</c>, <c>/sbin</c>
/// and <c>/lib*</c> are symlinks into <c>/usr</c>. Packages still ship files under <c>/lib</c> and <c>/bin</c>
/// in their data.tar (dpkg follows the symlinks on unpacking), so the assembly moves those paths under
/// <c>/usr</c> itself and writes the symlinks, which keeps the program interpreter
/// <c>/lib64/ld-linux-x86-64.so.2</c> reachable through <c>/lib64 -&gt; usr/lib64</c>.
/// </summary>
internal static class MergedUsr
{
    /// <summary>The top-level folders that become symlinks; <c>bin</c>, <c>sbin</c> and <c>lib</c> always do.</summary>
    public static IReadOnlyList<string> Folders { get; } = ["bin", "lib", "lib32", "lib64", "libx32", "sbin"];

    public static IReadOnlyList<string> AlwaysLinked { get; } = ["bin", "lib", "sbin"];

    /// <summary>The top-level folder a normalised path lies under, when it is one of <see cref="Folders"/>.</summary>
    public static string? TopFolder(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var top = slash < 0 ? path : path[..slash];
        return Folders.Contains(top, StringComparer.Ordinal) ? top : null;
    }

    /// <summary>The path in the merged layout: <c>lib/x86_64-linux-gnu/libc.so.6</c> becomes
    /// <c>usr/lib/x86_64-linux-gnu/libc.so.6</c>.</summary>
    public static string Map(string path) => TopFolder(path) is null ? path : "usr/" + path;

    /// <summary>
    /// The target a symlink moved from <paramref name="original"/> to <paramref name="mapped"/> needs so that it
    /// still names the same file. Absolute targets resolve through the top-level symlinks and stay as they are;
    /// a relative one is rewritten only when, read from the new place, it would reach another file.
    /// </summary>
    public static string RetargetSymlink(string original, string mapped, string target)
    {
        if (target.StartsWith('/') || original == mapped)
        {
            return target;
        }

        var meant = Map(ImagePath.Normalize(ImagePath.Parent(original) + "/" + target));
        var reached = Map(ImagePath.Normalize(ImagePath.Parent(mapped) + "/" + target));
        if (meant == reached)
        {
            return target;
        }

        return Path.GetRelativePath("/" + ImagePath.Parent(mapped), "/" + meant);
    }
}
