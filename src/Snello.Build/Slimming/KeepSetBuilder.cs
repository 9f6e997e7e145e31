using System.Text;
using Snello.Analysis.Elf;
using Snello.Analysis.Libraries;
using Snello.Build.Paths;
using Snello.Oci.Model;

namespace Snello.Build.Slimming;

/// <summary>
/// Decides what a slimmed image keeps: the program the entrypoint and cmd start (found through the config's
/// PATH), script interpreters named by shebang lines, files the command line names, the ELF library closure
/// of all of them, the essentials every program may read, what known runtimes open at run time, and the
/// user's <c>--keep</c> globs.
/// </summary>
internal sealed partial class KeepSetBuilder(KeepSet keep, ImageFileLookup files, ContainerConfig? config,
    IReadOnlyList<GlobPattern> globs)
{
    private const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private const int MaxShebangDepth = 4;

    private readonly List<ClosureRoot> _elfRoots = [];
    private readonly HashSet<string> _closed = new(StringComparer.Ordinal);

    public List<string> Warnings { get; } = [];

    public List<string> Unresolved { get; } = [];

    public string Program { get; private set; } = string.Empty;

    public void Build()
    {
        var argv = (config?.Entrypoint ?? []).Concat(config?.Cmd ?? []).ToList();
        if (argv.Count == 0)
        {
            Warnings.Add("the image has no entrypoint or cmd; only the essentials and --keep paths are kept");
        }
        else
        {
            AddCommandLine(argv);
        }

        AddEssentials();
        foreach (var path in keep.AllPaths)
        {
            // A glob that names a directory keeps everything under it too.
            if (globs.FirstOrDefault(g => SelfOrParentMatches(g, path)) is { } glob)
            {
                keep.Add(path, $"kept by --keep '{glob.Text}'");
                AddElfRoot(path, $"kept by --keep '{glob.Text}'");
            }
        }

        CloseLibraries();
        AddRuntimes();
        CloseLibraries();
    }

    private void AddCommandLine(List<string> argv)
    {
        var workdir = string.IsNullOrEmpty(config?.WorkingDir) ? "/" : config!.WorkingDir!;
        if (FindProgram(argv[0], workdir) is not { } program)
        {
            Warnings.Add($"entrypoint program '{argv[0]}' is not in the image (searched PATH '{SearchPath()}'); " +
                "the slimmed image cannot start it either");
            return;
        }

        Program = program;
        var real = keep.AddResolved(program, "entrypoint program")!;
        AddProgram(real, "entrypoint program", depth: 0);
        if (Path.GetFileName(real) is "sh" or "bash" or "dash" && argv.Skip(1).Contains("-c"))
        {
            Warnings.Add($"the entrypoint runs a shell command ('{string.Join(' ', argv)}'); programs the " +
                "command calls are not analysed, keep them with --keep");
        }

        // Arguments that name files of the image (a script, an assembly, an application folder) are the
        // application itself.
        foreach (var argument in argv.Skip(1).Where(a => a.Length > 0 && !a.StartsWith('-')))
        {
            var path = ChrootPath.Join(workdir, argument);
            if (ChrootPath.Resolve(files, path) is { } found && found != "/")
            {
                foreach (var added in keep.AddTree(path, $"named by the entrypoint ('{argument}')"))
                {
                    AddProgram(added, $"named by the entrypoint ('{argument}')", depth: 0);
                }
            }
        }
    }

    /// <summary>Keeps a program's interpreter chain: shebang interpreters and, for ELF files, the closure.</summary>
    private void AddProgram(string real, string reason, int depth)
    {
        if (files.Stat(real)?.Kind != FileLookupKind.File)
        {
            return;
        }

        if (files.ReadElf(real) is not null)
        {
            AddElfRoot(real, reason);
            return;
        }

        if (depth >= MaxShebangDepth || Shebang(real) is not { } interpreter)
        {
            return;
        }

        var why = $"interpreter of {real} (#!{interpreter})";
        var argv = interpreter.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var name = argv[0];
        if (Path.GetFileName(name) == "env")
        {
            // '#!/usr/bin/env NAME' finds NAME through PATH; 'env -S' splits the rest into words.
            keep.AddResolved(name, why);
            AddProgram(ChrootPath.Resolve(files, name) ?? name, why, depth + 1);
            name = argv.Skip(1).FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal))
                ?? string.Empty;
        }

        if (name.Length == 0 || FindProgram(name, "/") is not { } found)
        {
            Unresolved.Add($"script interpreter '{name}' of {real}");
            return;
        }

        var target = keep.AddResolved(found, why)!;
        AddProgram(target, why, depth + 1);
        if (_runtimeTriggers.Count < 16)
        {
            _runtimeTriggers.Add(target);
        }
    }

    private string? Shebang(string path)
    {
        var head = files.ReadHead(path);
        if (head is null || head.Length < 3 || head[0] != '#' || head[1] != '!')
        {
            return null;
        }

        var end = Array.IndexOf(head, (byte)'\n');
        var line = Encoding.UTF8.GetString(head, 2, (end < 0 ? head.Length : end) - 2).Trim();
        return line.Length == 0 ? null : line;
    }

    /// <summary>
    /// Finds a command as execvp does: a name with a slash is a path (relative to the working directory),
    /// others are looked up in each PATH directory.
    /// </summary>
    private string? FindProgram(string name, string workdir)
    {
        if (name.Contains('/', StringComparison.Ordinal))
        {
            var path = ChrootPath.Join(workdir, name);
            return ChrootPath.Resolve(files, path) is { } real && files.Stat(real)?.Kind == FileLookupKind.File
                ? path
                : null;
        }

        foreach (var directory in SearchPath().Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = ChrootPath.Join(ChrootPath.Join(workdir, directory), name);
            if (ChrootPath.Resolve(files, path) is { } real && files.Stat(real)?.Kind == FileLookupKind.File)
            {
                return path;
            }
        }

        return null;
    }

    private string SearchPath() => Env("PATH") ?? DefaultPath;

    private string? Env(string name) => config?.Env?.Where(e => e.StartsWith(name + "=", StringComparison.Ordinal))
        .Select(e => e[(name.Length + 1)..]).LastOrDefault();

    private void AddElfRoot(string path, string reason)
    {
        if (!_closed.Contains(path) && files.Stat(path)?.Kind == FileLookupKind.File)
        {
            _elfRoots.Add(new ClosureRoot(path, reason));
        }
    }

    private void CloseLibraries()
    {
        var roots = _elfRoots.Where(r => _closed.Add(r.Path)).ToList();
        _elfRoots.Clear();
        if (roots.Count == 0)
        {
            return;
        }

        var libraryPath = Env("LD_LIBRARY_PATH")?.Split(':', StringSplitOptions.RemoveEmptyEntries);
        var closure = new LibraryResolver(files, libraryPath).Resolve(roots);
        foreach (var file in closure.Files)
        {
            keep.Add(file.Path, file.Reason);
            _closed.Add(file.Path);
        }

        Unresolved.AddRange(closure.Unresolved.Select(u => u.NeededBy.StartsWith('/')
            ? $"{u.Name} (needed by {u.NeededBy})"
            : $"{u.Name} ({u.NeededBy})"));
        Warnings.AddRange(closure.Problems);
    }

    private ElfFile? SafeElf(string path)
    {
        try
        {
            return files.ReadElf(path);
        }
        catch (ElfFormatException)
        {
            return null;
        }
    }

    private static bool SelfOrParentMatches(GlobPattern glob, string path)
    {
        for (var current = path; current.Length > 1; current = current[..Math.Max(current.LastIndexOf('/'), 1)])
        {
            if (glob.IsMatch(current))
            {
                return true;
            }
        }

        return false;
    }
}
