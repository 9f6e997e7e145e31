using Snello.Analysis.Elf;
using Snello.Oci.FileSystems;

namespace Snello.Analysis.Libraries;

/// <summary>
/// Finds the files the dynamic loader opens to start a program, as glibc's ld.so(8) searches for each
/// DT_NEEDED name: DT_RPATH of the object and of the executable (only while the object has no DT_RUNPATH),
/// LD_LIBRARY_PATH, DT_RUNPATH, the directories of /etc/ld.so.conf (standing in for ld.so.cache), then the
/// default directories of the machine (multiarch first). '$ORIGIN', '$LIB' and '$PLATFORM' are expanded; a
/// candidate of another class or machine is passed over, as the loader does. Symlinks are followed inside
/// the root and every link on the way is part of the closure.
/// </summary>
public sealed class LibraryResolver
{
    private readonly IFileLookup _files;
    private readonly IReadOnlyList<string> _libraryPath;
    private IReadOnlyList<string>? _configured;
    private readonly List<string> _configurationFiles = [];

    /// <summary>Creates a resolver over <paramref name="files"/>.</summary>
    /// <param name="files">The root filesystem.</param>
    /// <param name="libraryPath">The directories of LD_LIBRARY_PATH the program starts with, if any.</param>
    public LibraryResolver(IFileLookup files, IReadOnlyList<string>? libraryPath = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        _files = files;
        _libraryPath = libraryPath ?? [];
    }

    /// <summary>
    /// The transitive closure of what loading <paramref name="roots"/> needs: each root, its interpreter and
    /// every library, each with the symlinks on the way to it, and the loader's configuration files when a
    /// search used them.
    /// </summary>
    /// <exception cref="SymlinkLoopException">A path holds a symlink loop.</exception>
    public LibraryClosure Resolve(IEnumerable<ClosureRoot> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var state = new ClosureState();
        var pending = new Queue<LoadedObject>();
        foreach (var root in roots)
        {
            var links = new List<string>();
            var real = ChrootPath.Resolve(_files, root.Path, links);
            if (real is null || _files.Stat(real)?.Kind != FileLookupKind.File)
            {
                state.Unresolved.Add(new UnresolvedLibrary(root.Path, root.Reason, []));
                continue;
            }

            state.AddLinks(links, real, root.Reason);
            if (state.Add(real, NeededFileKind.Root, root.Reason) && TryReadElf(real, state) is { } elf)
            {
                var main = elf.Interpreter is not null ? elf : null;
                pending.Enqueue(new LoadedObject(real, ChrootPath.Parent(real), elf, main));
            }
        }

        while (pending.TryDequeue(out var loaded))
        {
            Load(loaded, state, pending);
        }

        if (state.Searched)
        {
            foreach (var file in _configurationFiles)
            {
                state.Add(file, NeededFileKind.Configuration, "loader configuration");
            }

            if (ChrootPath.Resolve(_files, "/etc/ld.so.cache", _configurationFiles) is { } cache)
            {
                foreach (var link in _configurationFiles.Where(l => !state.Contains(l)).ToList())
                {
                    state.Add(link, NeededFileKind.Configuration, "loader configuration");
                }

                state.Add(cache, NeededFileKind.Configuration, "loader cache");
            }
        }

        return new LibraryClosure(state.Files, state.Unresolved, state.Problems);
    }

    private void Load(LoadedObject loaded, ClosureState state, Queue<LoadedObject> pending)
    {
        var elf = loaded.Elf;
        if (elf.Interpreter is { } interpreter)
        {
            var links = new List<string>();
            var reason = $"interpreter of {loaded.Path} (PT_INTERP)";
            if (ChrootPath.Resolve(_files, interpreter, links) is { } real
                && _files.Stat(real)?.Kind == FileLookupKind.File)
            {
                state.AddLinks(links, real, reason);
                if (state.Add(real, NeededFileKind.Interpreter, reason) && TryReadElf(real, state) is { } ld)
                {
                    pending.Enqueue(new LoadedObject(real, ChrootPath.Parent(real), ld, loaded.Main));
                }
            }
            else
            {
                state.Unresolved.Add(new UnresolvedLibrary(interpreter, loaded.Path, []));
            }
        }

        foreach (var name in elf.Needed)
        {
            var reason = $"needed by {loaded.Path} (DT_NEEDED {name})";
            var searched = new List<string>();
            if (Search(name, loaded, searched, state) is not { } found)
            {
                state.Unresolved.Add(new UnresolvedLibrary(name, loaded.Path, searched));
                continue;
            }

            state.AddLinks(found.Links, found.Real, reason);
            if (state.Add(found.Real, NeededFileKind.Library, reason))
            {
                pending.Enqueue(new LoadedObject(found.Real, ChrootPath.Parent(found.Candidate), found.Elf,
                    loaded.Main));
            }
        }
    }

    private Found? Search(string name, LoadedObject loaded, List<string> searched, ClosureState state)
    {
        if (name.Contains('/', StringComparison.Ordinal))
        {
            // A name with a slash is a path, taken as it is (relative ones from the working directory, '/').
            return Try(ChrootPath.Join("/", name), loaded.Elf, state);
        }

        state.Searched = true;
        foreach (var directory in SearchPath(loaded))
        {
            searched.Add(directory);
            if (Try(ChrootPath.Join(directory, name), loaded.Elf, state) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private IEnumerable<string> SearchPath(LoadedObject loaded)
    {
        var elf = loaded.Elf;
        var directories = new List<string>();
        if (elf.RunPath.Count == 0)
        {
            directories.AddRange(Expand(elf.RPath, loaded.Origin, elf));
            if (loaded.Main is { RunPath.Count: 0 } main && !ReferenceEquals(main, elf))
            {
                directories.AddRange(Expand(main.RPath, loaded.Origin, elf));
            }
        }

        directories.AddRange(Expand(_libraryPath, loaded.Origin, elf));
        directories.AddRange(Expand(elf.RunPath, loaded.Origin, elf));
        _configured ??= LdSoConf.Read(_files, _configurationFiles);
        directories.AddRange(_configured);
        directories.AddRange(Multiarch.DefaultDirectories(elf.Machine, elf.Class, elf.IsBigEndian));
        return directories.Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// Expands the dynamic string tokens of ld.so(8) in each entry; '$LIB' can stand for several directories,
    /// and each is tried.
    /// </summary>
    private static IEnumerable<string> Expand(IEnumerable<string> entries, string origin, ElfFile elf)
    {
        foreach (var entry in entries)
        {
            var expanded = entry.Replace("${ORIGIN}", origin, StringComparison.Ordinal)
                .Replace("$ORIGIN", origin, StringComparison.Ordinal)
                .Replace("${PLATFORM}", Multiarch.Platform(elf.Machine, elf.Class), StringComparison.Ordinal)
                .Replace("$PLATFORM", Multiarch.Platform(elf.Machine, elf.Class), StringComparison.Ordinal);
            if (expanded.Contains("$LIB", StringComparison.Ordinal)
                || expanded.Contains("${LIB}", StringComparison.Ordinal))
            {
                foreach (var lib in Multiarch.Lib(elf.Machine, elf.Class, elf.IsBigEndian))
                {
                    yield return ChrootPath.Join("/", expanded.Replace("${LIB}", lib, StringComparison.Ordinal)
                        .Replace("$LIB", lib, StringComparison.Ordinal));
                }

                continue;
            }

            yield return ChrootPath.Join("/", expanded);
        }
    }

    private Found? Try(string candidate, ElfFile needer, ClosureState state)
    {
        var links = new List<string>();
        if (ChrootPath.Resolve(_files, candidate, links) is not { } real
            || _files.Stat(real)?.Kind != FileLookupKind.File
            || TryReadElf(real, state) is not { } elf)
        {
            return null;
        }

        // ld.so skips a file of another class or machine and keeps searching (elf/dl-load.c, open_verify).
        return elf.Class == needer.Class && elf.Machine == needer.Machine
            ? new Found(candidate, real, elf, links)
            : null;
    }

    private ElfFile? TryReadElf(string path, ClosureState state)
    {
        try
        {
            return _files.ReadElf(path);
        }
        catch (ElfFormatException e)
        {
            state.Problems.Add($"'{path}' is not a readable ELF file: {e.Message}");
            return null;
        }
    }

    private sealed record LoadedObject(string Path, string Origin, ElfFile Elf, ElfFile? Main);

    private sealed record Found(string Candidate, string Real, ElfFile Elf, List<string> Links);
}
