using Microsoft.Extensions.Logging;
using Snello.Oci.FileSystems;
using Snello.Oci.Layers;

namespace Snello.Build.Assembly;

/// <summary>Staging: the image's files in one tree, before they are split into layers.</summary>
public static partial class ImageAssembler
{
    private const int FileMode = 0x1a4; // 0644

    private const int FolderMode = 0x1ed; // 0755

    private static RootTree Stage(AssemblyPlan plan, IReadOnlyList<PackageContents> contents, Accounts accounts,
        BaseFacts facts, ILogger logger)
    {
        var tree = new RootTree(logger);

        // Base folders come first: a folder keeps its first metadata, so /tmp stays 1777 and homes 0700.
        if (facts.MergedUsr)
        {
            foreach (var folder in MergedUsr.Folders)
            {
                var below = "usr/" + folder;
                var needed = MergedUsr.AlwaysLinked.Contains(folder) || contents.Any(c => c.Entries.Any(e =>
                    e.Path == below || e.Path.StartsWith(below + "/", StringComparison.Ordinal)));
                if (needed && !facts.TopLevel.Contains(folder))
                {
                    tree.Add(Folder(below, FolderMode));
                    tree.Add(Link(folder, below));
                }
            }
        }

        tree.Add(Folder("etc", FolderMode));
        tree.Add(Folder("tmp", 0x3ff)); // 1777
        foreach (var user in accounts.Users.Where(u => u.Home.StartsWith('/') && u.Home.Length > 1
                     && u.Home != "/nonexistent"))
        {
            tree.Add(Folder(ImagePath.Normalize(user.Home), 0x1c0, user.Uid, user.Gid)); // 0700
        }

        var certificates = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? certificateOwner = null;
        foreach (var package in contents)
        {
            var kept = package.Entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in package.Entries)
            {
                tree.Add(HardlinkTargetKept(entry, kept, package));
            }

            foreach (var (name, content) in package.CaCertificates)
            {
                certificates[name] = content;
                certificateOwner = package.Name;
            }
        }

        AddAncestors(tree, contents);
        AddSystemFiles(plan, tree, contents, accounts, facts, certificates, certificateOwner);
        foreach (var file in plan.Files)
        {
            foreach (var entry in HostFiles.Stage(file))
            {
                tree.Add(entry, warn: false);
            }
        }

        AddAncestors(tree, contents);
        return tree;
    }

    private static void AddSystemFiles(AssemblyPlan plan, RootTree tree, IReadOnlyList<PackageContents> contents,
        Accounts accounts, BaseFacts facts, Dictionary<string, byte[]> certificates, string? certificateOwner)
    {
        const string Base = StagedEntry.BaseOwner;
        tree.Add(File("etc/passwd", accounts.Passwd(), Base), warn: false);
        tree.Add(File("etc/group", accounts.Group(), Base), warn: false);
        if (!facts.HasNsSwitch && tree.Get("etc/nsswitch.conf") is null)
        {
            tree.Add(File("etc/nsswitch.conf", SystemFiles.NsSwitch(), Base));
        }

        // base-files ships /etc/os-release as a link to /usr/lib/os-release; without it, write the same shape.
        if (!facts.HasOsRelease && tree.Get("etc/os-release") is null && plan.Codename is { } codename
            && SystemFiles.OsRelease(codename) is { } release)
        {
            tree.Add(Folder("usr", FolderMode));
            tree.Add(Folder("usr/lib", FolderMode));
            tree.Add(File("usr/lib/os-release", release, Base));
            tree.Add(Link("etc/os-release", "../usr/lib/os-release"));
        }

        if (certificateOwner is not null)
        {
            tree.Add(Folder("etc/ssl", FolderMode));
            tree.Add(Folder("etc/ssl/certs", FolderMode));
            tree.Add(File("etc/ssl/certs/ca-certificates.crt", SystemFiles.CaBundle(certificates),
                certificateOwner), warn: false);
        }

        foreach (var folder in new[] { "var", "var/lib", "var/lib/dpkg", "var/lib/dpkg/status.d" })
        {
            if (contents.Count > 0)
            {
                tree.Add(Folder(folder, FolderMode));
            }
        }

        foreach (var package in contents)
        {
            var record = "var/lib/dpkg/status.d/" + package.Name;
            tree.Add(File(record, SystemFiles.StatusRecord(package.Deb.ControlFiles["control"]), package.Name),
                warn: false);
            if (package.Deb.ControlFiles.TryGetValue("md5sums", out var md5sums))
            {
                tree.Add(File(record + ".md5sums", md5sums, package.Name), warn: false);
            }
        }
    }

    /// <summary>
    /// A hard link whose target the globs left out becomes a copy of the target: a link to nothing would make
    /// the layer unwritable.
    /// </summary>
    private static StagedEntry HardlinkTargetKept(StagedEntry entry, HashSet<string> kept, PackageContents package)
    {
        if (entry.Entry.Type != EntryType.Hardlink || kept.Contains(entry.Entry.LinkTarget!)
            || !package.Excluded.TryGetValue(entry.Entry.LinkTarget!, out var target)
            || target.Entry.Type != EntryType.RegularFile)
        {
            return entry;
        }

        return target with { Entry = target.Entry with { Path = entry.Path } };
    }

    /// <summary>
    /// Every kept path needs its folders: a folder the globs left out is restored from the package that shipped
    /// it (so <c>/usr/share/doc/PKG</c> keeps its metadata for the copyright file), otherwise made 0755 root.
    /// </summary>
    private static void AddAncestors(RootTree tree, IReadOnlyList<PackageContents> contents)
    {
        foreach (var entry in tree.Entries.ToList())
        {
            foreach (var ancestor in ImagePath.Ancestors(entry.Path))
            {
                if (tree.Get(ancestor) is not null)
                {
                    continue;
                }

                var restored = contents.Select(c => c.Excluded.GetValueOrDefault(ancestor))
                    .FirstOrDefault(e => e is { Entry.Type: EntryType.Directory });
                tree.Add(restored ?? Folder(ancestor, FolderMode) with { Owner = entry.Owner });
            }
        }
    }

    private static StagedEntry Folder(string path, int mode, int uid = 0, int gid = 0) => new(new LayerTarEntry
    {
        Path = path, Type = EntryType.Directory, Mode = mode, Uid = uid, Gid = gid,
    }, null, StagedEntry.BaseOwner);

    private static StagedEntry Link(string path, string target) => new(new LayerTarEntry
    {
        Path = path, Type = EntryType.Symlink, Mode = 0x1ff, LinkTarget = target,
    }, null, StagedEntry.BaseOwner);

    private static StagedEntry File(string path, byte[] content, string owner) => new(new LayerTarEntry
    {
        Path = path,
        Type = EntryType.RegularFile,
        Mode = FileMode,
        Size = content.Length,
        OpenContentAsync = _ => Task.FromResult<Stream>(new MemoryStream(content, writable: false)),
    }, content, owner);
}
