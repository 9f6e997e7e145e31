using System.Security.Cryptography;
using Snello.Oci.Images;
using Snello.Oci.Native;

namespace Snello.Oci.FileSystems;

/// <summary>Exporting the squashed tree to a directory, staged and renamed into place.</summary>
public static partial class RootfsExporter
{
    /// <summary>
    /// Writes the squashed root filesystem of <paramref name="image"/> into <paramref name="targetDirectory"/>,
    /// reading each layer once (verified as it streams) and writing its members as they come; whiteouts remove
    /// what lower layers wrote. Layers are read with blocking calls. Everything goes into a hidden sibling
    /// (<c>.NAME.snello-tmp-RANDOM</c>) that is renamed onto the target when complete; on any failure (a digest
    /// mismatch found at the end of a layer included) it is deleted and nothing remains. Symlinks are created
    /// as written and never followed while writing; files sharing content become hard links (a copy where
    /// link(2) fails); owners and xattrs are set only when running as root, device nodes only as root with
    /// <see cref="ExportOptions.Devices"/>; modes and times always.
    /// </summary>
    /// <exception cref="ExportTargetException">
    /// The target exists and is not an empty directory, or its parent directory does not exist.
    /// </exception>
    /// <exception cref="LimitExceededException">The layers go over the limits.</exception>
    /// <exception cref="Digests.DigestMismatchException">A layer fails its digest; nothing is left behind.</exception>
    /// <exception cref="ImageFormatException">A layer is malformed; the message names its digest.</exception>
    /// <exception cref="PlatformNotSupportedException">The process runs on Windows.</exception>
    public static async Task<ExportSummary> ExportToDirectoryAsync(IImage image, string targetDirectory,
        ExportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(targetDirectory);
        ArgumentNullException.ThrowIfNull(options);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("exporting a root filesystem to a directory needs Linux");
        }

        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(targetDirectory));
        var parent = Path.GetDirectoryName(target);
        var name = Path.GetFileName(target);
        if (parent is null || name.Length == 0)
        {
            throw new ExportTargetException(targetDirectory, "is the filesystem root; expected a directory to create");
        }

        if (LibC.LStat(parent) is not { IsDirectory: true })
        {
            throw new ExportTargetException(targetDirectory, $"has no parent directory '{parent}'");
        }

        var targetExists = CheckTarget(targetDirectory, target);
        var random = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var staging = Path.Combine(parent, $".{name}.snello-tmp-{random}");
        Directory.CreateDirectory(staging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var export = new DirectoryExport(staging, image.Layers, options);
            var summary = await export.RunAsync(cancellationToken).ConfigureAwait(false);
            if (targetExists)
            {
                CheckTarget(targetDirectory, target);
                Directory.Delete(target);
            }

            Directory.Move(staging, target);
            return summary;
        }
        catch
        {
            DirectoryExport.DeleteTree(staging);
            throw;
        }
    }

    private static bool CheckTarget(string given, string target)
    {
        if (LibC.LStat(target) is not { } status)
        {
            return false;
        }

        if (!status.IsDirectory)
        {
            throw new ExportTargetException(given, "exists and is not a directory; expected a new or empty directory");
        }

        if (Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new ExportTargetException(given, "is not empty; expected a new or empty directory");
        }

        return true;
    }
}
