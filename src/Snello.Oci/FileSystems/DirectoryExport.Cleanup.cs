using Snello.Oci.Native;

namespace Snello.Oci.FileSystems;

/// <summary>Removing a failed staging directory.</summary>
internal sealed partial class DirectoryExport
{
    /// <summary>
    /// Deletes <paramref name="path"/> and everything in it without following symlinks. Directories made
    /// read-only by the image are made writable first when a plain delete fails (as a non-root user).
    /// </summary>
    public static void DeleteTree(string path)
    {
        if (LibC.LStat(path) is null)
        {
            return;
        }

        try
        {
            Directory.Delete(path, recursive: true);
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            MakeWritable(path);
        }

        Directory.Delete(path, recursive: true);
    }

    private static void MakeWritable(string directory)
    {
        if (LibC.LStat(directory) is not { IsDirectory: true })
        {
            return;
        }

        File.SetUnixFileMode(directory, (UnixFileMode)Private);
        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            MakeWritable(child);
        }
    }
}
