using System.Text;
using System.Text.RegularExpressions;
using Snello.Analysis.Elf;
using Snello.Analysis.Libraries;

namespace Snello.Build.Slimming;

/// <summary>
/// What runtimes open with dlopen, which no DT_NEEDED entry shows: glibc's name service modules, gconv
/// modules and libgcc_s; the .NET runtime's ICU, OpenSSL and GSSAPI; Python's standard library.
/// </summary>
internal sealed partial class KeepSetBuilder
{
    /// <summary>
    /// The gconv modules kept: the Unicode encodings iconv does not have built in, and Latin-1. Others stay
    /// out (the folder is about 9 MB); keep them with --keep '/usr/lib/*/gconv/**'.
    /// </summary>
    private static readonly string[] GconvModules =
    [
        "gconv-modules", "gconv-modules.cache", "gconv-modules.d", "UTF-16.so", "UTF-32.so", "UTF-7.so",
        "UNICODE.so", "ISO8859-1.so", "ISO8859-15.so",
    ];

    private static readonly string[] DotnetLibraries = ["libicuuc.so", "libicui18n.so", "libicudata.so",
        "libssl.so", "libcrypto.so", "libgssapi_krb5.so", "libz.so"];

    private readonly List<string> _runtimeTriggers = [];

    private void AddRuntimes()
    {
        if (keep.Reasons.Keys.FirstOrDefault(p => p.EndsWith("/libc.so.6", StringComparison.Ordinal)) is { } libc)
        {
            AddGlibcModules(libc);
        }

        var programs = _runtimeTriggers.Prepend(Program.Length > 0 ? ChrootPath.Resolve(files, Program) ?? "" : "")
            .Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (programs.Count > 0 && IsDotnet(programs[0]))
        {
            AddDotnet(programs[0]);
        }

        foreach (var program in programs)
        {
            if (PythonVersion().Match(Path.GetFileName(program)) is { Success: true } match)
            {
                AddPython(match.Groups[1].Value);
            }
        }
    }

    private void AddGlibcModules(string libc)
    {
        const string Why = "glibc loads it at run time (dlopen)";
        var elf = SafeElf(libc);
        var directory = ChrootPath.Parent(libc);
        var services = new SortedSet<string>(StringComparer.Ordinal) { "files", "dns" };
        if (ChrootPath.Resolve(files, "/etc/nsswitch.conf") is { } nsswitch && files.ReadAllBytes(nsswitch) is { } text)
        {
            foreach (var line in Encoding.UTF8.GetString(text).Split('\n'))
            {
                var content = line.Split('#')[0];
                var colon = content.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    continue;
                }

                // nsswitch.conf(5): "database: service [STATUS=ACTION] service ..."; actions are not modules.
                foreach (var word in Regex.Replace(content[(colon + 1)..], @"\[[^\]]*\]", " ")
                    .Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                {
                    services.Add(word);
                }
            }
        }

        foreach (var service in services)
        {
            AddLibraries(n => n.StartsWith($"libnss_{service}.so", StringComparison.Ordinal), elf, directory,
                $"{Why}: name service '{service}' in nsswitch.conf");
        }

        AddLibraries(n => n.StartsWith("libgcc_s.so", StringComparison.Ordinal), elf, directory,
            $"{Why}: unwinding for thread cancellation");
        foreach (var module in GconvModules)
        {
            foreach (var added in keep.AddTree(directory + "/gconv/" + module, $"{Why}: iconv gconv module"))
            {
                AddElfRoot(added, $"{Why}: iconv gconv module");
            }
        }
    }

    private bool IsDotnet(string program)
    {
        var folder = ChrootPath.Parent(program);
        var names = files.List(folder);
        return Path.GetFileName(program) == "dotnet"
            || names.Contains("libcoreclr.so") || names.Contains("libhostfxr.so")
            || names.Any(n => n.EndsWith(".runtimeconfig.json", StringComparison.Ordinal))
            || (config?.Env ?? []).Any(e => e.StartsWith("DOTNET_", StringComparison.Ordinal)
                || e.StartsWith("ASPNETCORE_", StringComparison.Ordinal));
    }

    private void AddDotnet(string program)
    {
        const string Why = "the .NET runtime loads it at run time (dlopen)";
        var folder = ChrootPath.Parent(program);
        if (Path.GetFileName(program) == "dotnet" || files.List(folder).Contains("libcoreclr.so"))
        {
            foreach (var added in keep.AddTree(folder, "the .NET runtime's folder"))
            {
                AddElfRoot(added, "the .NET runtime's folder");
            }
        }

        var elf = SafeElf(program);
        foreach (var library in DotnetLibraries)
        {
            AddLibraries(n => n.StartsWith(library, StringComparison.Ordinal), elf, null, Why);
        }
    }

    private void AddPython(string version)
    {
        const string Why = "Python's standard library (imported at run time)";
        var versions = version.Contains('.', StringComparison.Ordinal)
            ? [version]
            : files.List("/usr/lib").Concat(files.List("/usr/local/lib"))
                .Select(n => PythonLibFolder().Match(n)).Where(m => m.Success).Select(m => m.Groups[1].Value)
                .Distinct(StringComparer.Ordinal).ToList();
        foreach (var v in versions)
        {
            foreach (var tree in new[] { $"/usr/lib/python{v}", $"/usr/local/lib/python{v}", $"/etc/python{v}" })
            {
                foreach (var added in keep.AddTree(tree, Why))
                {
                    if (added.EndsWith(".so", StringComparison.Ordinal)
                        || added.Contains(".so.", StringComparison.Ordinal))
                    {
                        AddElfRoot(added, Why);
                    }
                }
            }
        }

        foreach (var added in keep.AddTree("/usr/lib/python3/dist-packages", "Python modules of Debian packages"))
        {
            if (added.EndsWith(".so", StringComparison.Ordinal))
            {
                AddElfRoot(added, "Python modules of Debian packages");
            }
        }
    }

    /// <summary>
    /// Keeps the libraries whose names <paramref name="match"/> accepts from the loader's directories (the one
    /// given first), with the same class and machine as <paramref name="reference"/>, and their closures.
    /// </summary>
    private void AddLibraries(Func<string, bool> match, ElfFile? reference, string? first, string reason)
    {
        var directories = new List<string>();
        if (first is not null)
        {
            directories.Add(first);
        }

        directories.AddRange(LdSoConf.Read(files));
        if (reference is not null)
        {
            directories.AddRange(
                Multiarch.DefaultDirectories(reference.Machine, reference.Class, reference.IsBigEndian));
        }

        foreach (var directory in directories.Distinct(StringComparer.Ordinal))
        {
            if (ChrootPath.Resolve(files, directory) is not { } real)
            {
                continue;
            }

            foreach (var name in files.List(real).Where(match))
            {
                var path = ChrootPath.Join(directory, name);
                if (ChrootPath.Resolve(files, path) is not { } target || SafeElf(target) is not { } elf
                    || (reference is not null && (elf.Machine != reference.Machine || elf.Class != reference.Class)))
                {
                    continue;
                }

                keep.AddResolved(path, reason);
                AddElfRoot(target, reason);
            }
        }
    }

    [GeneratedRegex(@"^python(\d(?:\.\d+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex PythonVersion();

    [GeneratedRegex(@"^python(\d\.\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PythonLibFolder();
}
