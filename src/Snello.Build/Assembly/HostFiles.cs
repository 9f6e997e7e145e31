using Snello.Oci.FileSystems;
using Snello.Oci.Layers;

namespace Snello.Build.Assembly;

/// <summary>Host files and folders as staged entries: modes from the host unless the plan sets one.</summary>
internal static class HostFiles
{
    /// <exception cref="AssemblyException">The source does not exist or the destination is not absolute.</exception>
    public static IEnumerable<StagedEntry> Stage(FileInput input)
    {
        if (!input.Destination.StartsWith('/'))
        {
            throw new AssemblyException(input.Destination, $"file destination '{input.Destination}' is relative; "
                + "expected an absolute image path such as '/app/hello'");
        }

        var info = new FileInfo(input.Source);
        var isDirectory = Directory.Exists(input.Source) && info.LinkTarget is null;
        if (!isDirectory && !info.Exists && info.LinkTarget is null)
        {
            throw new AssemblyException(input.Source, $"file source '{input.Source}' does not exist; expected a "
                + "file or folder on the host");
        }

        var destination = ImagePath.Normalize(input.Destination);
        if (!isDirectory && input.Destination.EndsWith('/'))
        {
            destination = destination.Length == 0 ? info.Name : destination + "/" + info.Name;
        }

        if (destination.Length == 0 && !isDirectory)
        {
            throw new AssemblyException(input.Destination, $"file destination '{input.Destination}' is the root; "
                + "expected a file path");
        }

        var staged = new List<StagedEntry>();
        if (isDirectory)
        {
            if (destination.Length > 0)
            {
                staged.Add(Describe(input.Source, destination, input));
            }

            Walk(input.Source, destination, input, staged);
        }
        else
        {
            staged.Add(Describe(input.Source, destination, input));
        }

        return staged;
    }

    private static void Walk(string folder, string destination, FileInput input, List<StagedEntry> staged)
    {
        var children = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions
        {
            AttributesToSkip = 0,
            RecurseSubdirectories = false,
            ReturnSpecialDirectories = false,
        }).OrderBy(c => c.Name, StringComparer.Ordinal);
        foreach (var child in children)
        {
            var path = destination.Length == 0 ? child.Name : destination + "/" + child.Name;
            staged.Add(Describe(child.FullName, path, input));
            if (child is DirectoryInfo && child.LinkTarget is null)
            {
                Walk(child.FullName, path, input, staged);
            }
        }
    }

    private static StagedEntry Describe(string source, string path, FileInput input)
    {
        var info = new FileInfo(source);
        LayerTarEntry entry;
        if (info.LinkTarget is { } target)
        {
            entry = new LayerTarEntry { Path = path, Type = EntryType.Symlink, Mode = 0x1ff, LinkTarget = target };
        }
        else if (Directory.Exists(source))
        {
            entry = new LayerTarEntry { Path = path, Type = EntryType.Directory,
                Mode = HostMode(source, 0x1ed) };
        }
        else
        {
            var full = info.FullName;
            entry = new LayerTarEntry
            {
                Path = path,
                Type = EntryType.RegularFile,
                Mode = input.Mode ?? HostMode(source, 0x1a4),
                Size = info.Length,
                OpenContentAsync = _ => Task.FromResult<Stream>(new FileStream(full, FileMode.Open, FileAccess.Read,
                    FileShare.Read, 1 << 16, FileOptions.SequentialScan)),
            };
        }

        return new StagedEntry(entry with { Uid = input.Uid, Gid = input.Gid }, null, StagedEntry.AppOwner);
    }

    // Windows has no Unix modes; folders then get 0755 and files 0644.
    private static int HostMode(string path, int fallback) =>
        OperatingSystem.IsWindows() ? fallback : (int)File.GetUnixFileMode(path);
}
