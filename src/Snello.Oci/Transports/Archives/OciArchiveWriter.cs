using System.Formats.Tar;
using Microsoft.Extensions.Logging;
using Snello.Oci.Images;
using Snello.Oci.Transports.Oci;

namespace Snello.Oci.Transports.Archives;

/// <summary>
/// Writes <c>oci-archive:FILE[:TAG]</c>: an OCI layout is staged in a temporary sibling folder, packed into a
/// temporary file and renamed onto FILE, which is replaced. Members are sorted and carry no times or owners, so
/// the same image gives the same archive bytes.
/// </summary>
public sealed class OciArchiveWriter : IImageWriter
{
    private readonly ILogger? _logger;

    /// <summary>Creates the writer.</summary>
    public OciArchiveWriter(ImageLocation location, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        Location = location;
        _logger = logger;
    }

    /// <inheritdoc />
    public ImageLocation Location { get; }

    /// <inheritdoc />
    public async Task<WriteResult> WriteAsync(IManifestArtifact artifact, CancellationToken cancellationToken = default)
    {
        var target = System.IO.Path.GetFullPath(Location.Path!);
        if (Directory.Exists(target))
        {
            throw new ImageFormatException(
                $"'{target}' is a folder; oci-archive: writes a file (use oci: for a folder)");
        }

        var parent = System.IO.Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var name = System.IO.Path.GetFileName(target);
        var staging = System.IO.Path.Combine(parent, $".{name}.snello-{Guid.NewGuid():N}");
        var packed = staging + ".tar";
        try
        {
            var layout = new OciLayout(staging, _logger);
            var result = await OciLayoutWriter.WriteIntoAsync(layout, artifact, Location.Tag, cancellationToken)
                .ConfigureAwait(false);
            await PackAsync(staging, packed, cancellationToken).ConfigureAwait(false);
            File.Move(packed, target, overwrite: true);
            return result;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            File.Delete(packed);
        }
    }

    /// <summary>Packs a folder of regular files (and the folders holding them) into a plain tar.</summary>
    internal static async Task PackAsync(string folder, string archive, CancellationToken cancellationToken)
    {
        var output = new FileStream(archive, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16,
            FileOptions.Asynchronous);
        await using (output.ConfigureAwait(false))
        {
            var writer = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                    .Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))
                    .Select(f => System.IO.Path.GetRelativePath(folder, f).Replace('\\', '/'))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                var directories = files.SelectMany(ParentsOf).Distinct().Order(StringComparer.Ordinal);
                foreach (var directory in directories)
                {
                    var entry = new UstarTarEntry(TarEntryType.Directory, directory + "/")
                    {
                        Mode = (UnixFileMode)0b111_101_101,
                        ModificationTime = DateTimeOffset.UnixEpoch,
                    };
                    await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
                }

                foreach (var name in files)
                {
                    var data = File.OpenRead(System.IO.Path.Combine(folder, name));
                    await using (data.ConfigureAwait(false))
                    {
                        var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
                        {
                            Mode = (UnixFileMode)0b110_100_100,
                            ModificationTime = DateTimeOffset.UnixEpoch,
                            DataStream = data,
                        };
                        await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    private static IEnumerable<string> ParentsOf(string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0;
             slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }
}
