using Snello.Oci.Digests;
using Snello.Oci.FileSystems;

namespace Snello.Oci.Layers;

/// <summary>
/// Writes deterministic layer tars: members sorted ordinally by path, one fixed modification time when asked,
/// owners exactly as given, PAX headers only where ustar cannot hold a value and named without the process
/// id. The same input gives the same bytes in any process.
/// </summary>
public static partial class LayerTarWriter
{
    /// <summary>
    /// Writes <paramref name="entries"/> as an uncompressed tar to <paramref name="output"/> (wrap it in
    /// <see cref="LayerCompressionStreams.OpenCompressor"/> to compress) and returns the tar's sha256, the diff ID.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// An entry's path is empty, the root, holds NUL, or appears twice; the message quotes it.
    /// </exception>
    /// <exception cref="IOException">A regular file's content is not as long as its <c>Size</c>.</exception>
    public static async Task<Digest> WriteAsync(IEnumerable<LayerTarEntry> entries, Stream output,
        LayerTarOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var sorted = new List<(string Path, LayerTarEntry Entry)>();
        foreach (var entry in entries)
        {
            var path = TarPaths.Normalize(entry.Path);
            if (string.IsNullOrEmpty(path))
            {
                throw new ArgumentException($"layer entry path '{entry.Path}' is not usable; expected a " +
                    "non-empty path below the root without NUL characters", nameof(entries));
            }

            sorted.Add((path, entry));
        }

        sorted.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Path == sorted[i - 1].Path)
            {
                throw new ArgumentException($"layer entry path '{sorted[i].Path}' appears twice", nameof(entries));
            }
        }

        using var writer = new TarStreamWriter(output);
        foreach (var (path, entry) in sorted)
        {
            await WriteEntryAsync(writer, path, entry, options, cancellationToken).ConfigureAwait(false);
        }

        return await writer.FinishAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteEntryAsync(TarStreamWriter writer, string path, LayerTarEntry entry,
        LayerTarOptions options, CancellationToken cancellationToken)
    {
        var linkTarget = entry.Type == EntryType.Hardlink
            ? TarPaths.Normalize(entry.LinkTarget ?? string.Empty)
            : entry.LinkTarget;
        var header = new FileEntry
        {
            Path = path,
            Type = entry.Type,
            Mode = entry.Mode,
            Uid = entry.Uid,
            Gid = entry.Gid,
            UserName = entry.UserName,
            GroupName = entry.GroupName,
            Size = entry.Type == EntryType.RegularFile ? entry.Size : 0,
            ModificationTime = options.ModificationTime ?? entry.ModificationTime,
            LinkTarget = linkTarget,
            DeviceMajor = entry.DeviceMajor,
            DeviceMinor = entry.DeviceMinor,
            Xattrs = entry.Xattrs,
        };
        await writer.WriteHeaderAsync(header, cancellationToken).ConfigureAwait(false);
        if (header.Type != EntryType.RegularFile || header.Size == 0)
        {
            return;
        }

        if (entry.OpenContentAsync is null)
        {
            throw new IOException($"layer entry '{path}' announces {header.Size} bytes but has no content");
        }

        var content = await entry.OpenContentAsync(cancellationToken).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            await writer.WriteContentAsync(content, header.Size, path, cancellationToken).ConfigureAwait(false);
        }
    }
}
