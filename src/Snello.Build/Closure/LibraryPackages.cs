using Snello.Analysis.Libraries;
using Snello.Build.Assembly;
using Snello.Debian.Contents;

namespace Snello.Build.Closure;

/// <summary>
/// The library closure of a build: the ELF files a spec copies in are resolved as the loader would
/// (DT_NEEDED, RUNPATH and RPATH with <c>$ORIGIN</c>, the interpreter) against the spec's files alone, and each
/// library they do not carry is looked up in the archive's Contents index to find the package that ships it
/// in the loader's folders. The packages' own dependencies then bring what those libraries need.
/// </summary>
public static class LibraryPackages
{
    /// <summary>Finds the packages the spec's files need.</summary>
    /// <param name="files">The host files and their image paths.</param>
    /// <param name="libraries">The archive's shared-library indexes.</param>
    /// <param name="available">Whether the archive holds a package of this name for the target.</param>
    /// <param name="preferred">Package names to choose first when several ship a library (the spec's own).</param>
    /// <returns>The packages with their reasons, and the libraries no package ships.</returns>
    public static (IReadOnlyList<LibraryNeed> Needs, IReadOnlyList<UnresolvedLibrary> Missing) Find(
        IReadOnlyList<FileInput> files, IReadOnlyList<SharedLibraryIndex> libraries, Func<string, bool> available,
        IReadOnlySet<string> preferred)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(libraries);
        ArgumentNullException.ThrowIfNull(available);
        ArgumentNullException.ThrowIfNull(preferred);
        var lookup = new AppFilesLookup(files);
        var roots = lookup.Files
            .Where(p => lookup.ReadElf(p) is not null)
            .Select(p => new ClosureRoot(p, "copied from the spec's files"))
            .ToList();
        if (roots.Count == 0)
        {
            return ([], []);
        }

        var closure = new LibraryResolver(lookup).Resolve(roots);
        var needs = new List<LibraryNeed>();
        var missing = new List<UnresolvedLibrary>();
        foreach (var unresolved in closure.Unresolved)
        {
            var elf = lookup.ReadElf(unresolved.NeededBy);
            var folders = elf is null
                ? []
                : Multiarch.DefaultDirectories(elf.Machine, elf.Class, elf.IsBigEndian);
            var name = unresolved.Name[(unresolved.Name.LastIndexOf('/') + 1)..];
            var package = Choose(libraries, name, folders, available, preferred);
            var how = unresolved.Name.StartsWith('/') ? "program interpreter" : "DT_NEEDED";
            if (package is null)
            {
                missing.Add(unresolved);
                continue;
            }

            needs.Add(new LibraryNeed(package, $"{unresolved.Name} for {unresolved.NeededBy} ({how})"));
        }

        return (needs, missing);
    }

    private static string? Choose(IReadOnlyList<SharedLibraryIndex> libraries, string name,
        IReadOnlyList<string> folders, Func<string, bool> available, IReadOnlySet<string> preferred)
    {
        var candidates = new List<(int Folder, string Package)>();
        foreach (var index in libraries)
        {
            foreach (var location in index.Find(name))
            {
                var folder = location.Path[..location.Path.LastIndexOf('/')];
                var rank = Rank(folders, folder);
                if (rank < 0)
                {
                    continue;
                }

                candidates.AddRange(location.Packages.Select(p => (rank, p)));
            }
        }

        var ordered = candidates
            .OrderBy(c => preferred.Contains(c.Package) ? 0 : 1)
            .ThenBy(c => c.Folder)
            .ThenBy(c => c.Package.EndsWith("-dev", StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(c => c.Package, StringComparer.Ordinal)
            .Select(c => c.Package);
        return ordered.FirstOrDefault(available);
    }

    /// <summary>The place of a folder in the loader's default search, with and without /usr; -1 when absent.</summary>
    private static int Rank(IReadOnlyList<string> folders, string folder)
    {
        var unmerged = folder.StartsWith("/usr/", StringComparison.Ordinal) ? folder[4..] : folder;
        for (var i = 0; i < folders.Count; i++)
        {
            var candidate = folders[i].StartsWith("/usr/", StringComparison.Ordinal) ? folders[i][4..] : folders[i];
            if (candidate == unmerged)
            {
                return i;
            }
        }

        return -1;
    }
}
