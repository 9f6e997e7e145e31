using System.Formats.Tar;
using Snello.Build.Paths;
using Snello.Debian.Packages;
using Snello.Oci.FileSystems;
using Snello.Oci.Layers;

namespace Snello.Build.Assembly;

/// <summary>
/// Reads a .deb's data.tar once, decompressing it a single time, into staged entries held in memory (the
/// layer writer needs them sorted, and data.tar order is not path order).
/// </summary>
internal static class DebReader
{
    private const string CaFolder = "usr/share/ca-certificates/";

    /// <exception cref="AssemblyException">The file is missing or is not a readable .deb.</exception>
    public static PackageContents Read(PackageInput input, PathFilter filter, bool mergedUsr)
    {
        var name = input.Record.Package;
        var entries = new List<StagedEntry>();
        var excluded = new Dictionary<string, StagedEntry>(StringComparer.Ordinal);
        var certificates = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        DebPackage deb;
        try
        {
            using var file = new FileStream(input.DebPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
                FileOptions.SequentialScan);
            deb = DebPackage.Read(file, input.DebPath, member =>
            {
                if (ToStaged(member, name, mergedUsr) is not { } staged)
                {
                    return;
                }

                if (staged.Entry.Type == EntryType.RegularFile
                    && staged.Path.StartsWith(CaFolder, StringComparison.Ordinal)
                    && staged.Path.EndsWith(".crt", StringComparison.Ordinal))
                {
                    certificates[staged.Path[CaFolder.Length..]] = staged.Content ?? [];
                }

                if (!filter.Includes(staged.Path, staged.Entry.Type == EntryType.Directory))
                {
                    excluded[staged.Path] = staged;
                }
                else
                {
                    entries.Add(staged);
                }
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DebFormatException
            or PackageRecordException)
        {
            throw new AssemblyException(input.DebPath, $"package '{name}' cannot be read from "
                + $"'{input.DebPath}': {e.Message}", e);
        }

        if (deb.Control.Package != name)
        {
            throw new AssemblyException(input.DebPath, $"'{input.DebPath}' holds package '{deb.Control.Package}', "
                + $"expected '{name}'");
        }

        return new PackageContents(name, deb, entries, excluded, certificates);
    }

    private static StagedEntry? ToStaged(TarEntry member, string owner, bool mergedUsr)
    {
        var original = ImagePath.Normalize(member.Name);
        if (original.Length == 0)
        {
            return null;
        }

        var type = member.EntryType switch
        {
            TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile =>
                EntryType.RegularFile,
            TarEntryType.Directory => EntryType.Directory,
            TarEntryType.SymbolicLink => EntryType.Symlink,
            TarEntryType.HardLink => EntryType.Hardlink,
            TarEntryType.CharacterDevice => EntryType.CharacterDevice,
            TarEntryType.BlockDevice => EntryType.BlockDevice,
            TarEntryType.Fifo => EntryType.Fifo,
            _ => (EntryType?)null,
        };
        if (type is not { } kind)
        {
            return null;
        }

        var path = mergedUsr ? MergedUsr.Map(original) : original;
        var target = kind switch
        {
            EntryType.Symlink => mergedUsr ? MergedUsr.RetargetSymlink(original, path, member.LinkName)
                : member.LinkName,
            EntryType.Hardlink => mergedUsr ? MergedUsr.Map(ImagePath.Normalize(member.LinkName))
                : ImagePath.Normalize(member.LinkName),
            _ => null,
        };

        byte[]? content = null;
        if (kind == EntryType.RegularFile)
        {
            content = new byte[member.Length];
            if (member.DataStream is { } data)
            {
                data.ReadExactly(content);
            }
        }

        var posix = member as PosixTarEntry;
        var entry = new LayerTarEntry
        {
            Path = path,
            Type = kind,
            Mode = (int)member.Mode,
            Uid = member.Uid,
            Gid = member.Gid,
            Size = content?.Length ?? 0,
            LinkTarget = target,
            DeviceMajor = posix?.DeviceMajor ?? 0,
            DeviceMinor = posix?.DeviceMinor ?? 0,
            OpenContentAsync = content is { Length: > 0 } ? _ => Task.FromResult<Stream>(
                new MemoryStream(content, writable: false)) : null,
        };
        return new StagedEntry(entry, content, owner);
    }
}
