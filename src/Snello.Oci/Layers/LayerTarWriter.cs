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
    /// <remarks>
    /// A hard link must follow the member it names; when path order puts it first, the names swap roles (they
    /// are one file): the first name in path order carries the content and the others are links to it.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// An entry's path is empty, the root, holds NUL, or appears twice, or a hard link names no regular file
    /// among the entries; the message quotes it.
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

        sorted = HardlinksAfterContent(sorted);
        using var writer = new TarStreamWriter(output);
        foreach (var (path, entry) in sorted)
        {
            await WriteEntryAsync(writer, path, entry, options, cancellationToken).ConfigureAwait(false);
        }

        return await writer.FinishAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A hard link must come after the member it names, but path order may put it first. The names of one
    /// file are one inode, so the first of them in path order takes the content and the others link to it.
    /// </summary>
    private static List<(string Path, LayerTarEntry Entry)> HardlinksAfterContent(
        List<(string Path, LayerTarEntry Entry)> sorted)
    {
        var byPath = sorted.ToDictionary(m => m.Path, m => m.Entry, StringComparer.Ordinal);
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<(string Path, LayerTarEntry Entry)>(sorted.Count);
        foreach (var (path, entry) in sorted)
        {
            if (entry.Type is not (EntryType.RegularFile or EntryType.Hardlink))
            {
                result.Add((path, entry));
                continue;
            }

            var content = ContentOf(path, entry, byPath);
            if (holders.TryGetValue(content, out var holder))
            {
                result.Add((path, entry with { Type = EntryType.Hardlink, LinkTarget = holder, Size = 0 }));
                continue;
            }

            // The first name of this file in path order carries the content under its own path.
            holders[content] = path;
            result.Add((path, byPath[content] with { Path = path }));
        }

        return result;
    }

    private static string ContentOf(string path, LayerTarEntry entry,
        Dictionary<string, LayerTarEntry> byPath)
    {
        var current = path;
        var hops = 0;
        while (entry.Type == EntryType.Hardlink)
        {
            var target = TarPaths.Normalize(entry.LinkTarget ?? string.Empty);
            if (string.IsNullOrEmpty(target) || !byPath.TryGetValue(target, out var next) || ++hops > byPath.Count)
            {
                throw new ArgumentException($"hard link '{path}' names '{entry.LinkTarget}', which is not a " +
                    "regular file among the entries");
            }

            current = target;
            entry = next;
        }

        if (entry.Type != EntryType.RegularFile)
        {
            throw new ArgumentException($"hard link '{path}' names '{current}', a {entry.Type}; expected a " +
                "regular file");
        }

        return current;
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
