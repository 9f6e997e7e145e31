using Snello.Oci.Images;
using Snello.Oci.Layers;

namespace Snello.Oci.FileSystems;

/// <summary>
/// Writes an image's squashed root filesystem to a directory or as one tar stream. A directory export reads
/// each layer once, writing as it reads into a staging directory. A tar export reads the layers twice: once
/// to build the <see cref="FileSystemView"/> (metadata, every layer verified), then the layers that hold
/// surviving file content, again verified, so it never emits a file a later layer deletes. Paths are
/// resolved inside the root in memory, so nothing lands outside it.
/// </summary>
public static partial class RootfsExporter
{
    /// <summary>
    /// The regular files and hard links of the view grouped by where their content is: layer, then member.
    /// The first node of each group holds the content; the others are hard links to it.
    /// </summary>
    internal static SortedDictionary<int, Dictionary<int, List<TreeNode>>> GroupContent(List<TreeNode> nodes)
    {
        var groups = new SortedDictionary<int, Dictionary<int, List<TreeNode>>>();
        foreach (var node in nodes)
        {
            if (node.Content is not { } content)
            {
                continue;
            }

            if (!groups.TryGetValue(content.Layer, out var members))
            {
                members = [];
                groups[content.Layer] = members;
            }

            if (!members.TryGetValue(content.Ordinal, out var paths))
            {
                paths = [];
                members[content.Ordinal] = paths;
            }

            paths.Add(node);
        }

        return groups;
    }

    /// <summary>
    /// Opens a layer for the second read. The stored blob is verified against its digest as it streams, and
    /// the first read proved that this blob decompresses to the diff ID, so the diff ID (a hash of the much
    /// larger uncompressed stream) need not be computed again.
    /// </summary>
    internal static async Task<Stream> OpenSecondReadAsync(ILayer layer, CancellationToken cancellationToken)
    {
        var stored = await layer.OpenCompressedAsync(cancellationToken).ConfigureAwait(false);
        var tar = await LayerCompressionStreams.OpenDecompressedAsync(stored, $"layer '{layer.Descriptor.Digest}'",
            cancellationToken).ConfigureAwait(false);
        return new BufferedStream(tar, TarArchiveReader.ReadAheadSize);
    }

    /// <summary>A layer changed between the two reads: a member the view needs is gone.</summary>
    internal static ImageFormatException MissingMembers(string digest, Dictionary<int, List<TreeNode>> left) =>
        new($"layer '{digest}' no longer holds the content of '{left.Values.First()[0].Path}' (and " +
            $"{left.Count - 1} more); the layer changed since it was first read");
}
