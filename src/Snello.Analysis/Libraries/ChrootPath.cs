using Snello.Oci.FileSystems;

namespace Snello.Analysis.Libraries;

/// <summary>
/// Path resolution inside a root, as the kernel does it for a process chrooted there: an absolute symlink
/// target restarts at the root and '..' stops at it, so no path leads outside. The same rule as
/// <see cref="FileSystemView.Resolve"/>, over any <see cref="IFileLookup"/>, and telling which links it
/// passed (a kept file needs every link on its way kept too).
/// </summary>
public static class ChrootPath
{
    /// <summary>
    /// The canonical path (no symlink in it) that <paramref name="path"/> leads to, following the final link
    /// too, or null when it leads nowhere. Every symlink passed is added to <paramref name="links"/> by its
    /// canonical path, in the order met.
    /// </summary>
    /// <exception cref="SymlinkLoopException">More than 40 links were followed.</exception>
    public static string? Resolve(IFileLookup files, string path, ICollection<string>? links = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(path);
        var pending = new Stack<string>(path.Split('/').Reverse());
        var current = new List<string>();
        var followed = 0;
        while (pending.TryPop(out var name))
        {
            if (name is "" or ".")
            {
                continue;
            }

            if (name == "..")
            {
                if (current.Count > 0)
                {
                    current.RemoveAt(current.Count - 1);
                }

                continue;
            }

            var candidate = "/" + string.Join('/', current.Append(name));
            var entry = files.Stat(candidate);
            if (entry is null)
            {
                return null;
            }

            if (entry.Kind == FileLookupKind.Symlink)
            {
                if (++followed > SymlinkLoopException.MaxLinks)
                {
                    throw new SymlinkLoopException(path);
                }

                links?.Add(candidate);
                var target = entry.LinkTarget ?? string.Empty;
                if (target.StartsWith('/'))
                {
                    current.Clear();
                }

                foreach (var component in target.Split('/').Reverse())
                {
                    pending.Push(component);
                }

                continue;
            }

            var isLast = !pending.Any(c => c is not ("" or "."));
            if (!isLast && entry.Kind != FileLookupKind.Directory)
            {
                return null;
            }

            current.Add(name);
        }

        return "/" + string.Join('/', current);
    }

    /// <summary>The lexical parent of a canonical absolute path ('/' for a top-level name).</summary>
    public static string Parent(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.TrimEnd('/').LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    /// <summary>Joins a directory and a relative name into an absolute path, lexically.</summary>
    public static string Join(string directory, string name)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith('/') ? name : directory.TrimEnd('/') + "/" + name;
    }
}
