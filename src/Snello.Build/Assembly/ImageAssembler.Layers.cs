using System.IO.Compression;
using Snello.Oci.Caching;
using Snello.Oci.Digests;
using Snello.Oci.FileSystems;
using Snello.Oci.Layers;
using Snello.Oci.Model;
using Snello.Oci.Mutations;

namespace Snello.Build.Assembly;

/// <summary>Layers: splitting the staged tree and writing each part as a gzip blob.</summary>
public static partial class ImageAssembler
{
    /// <summary>
    /// The gzip level of the layers: zlib's fastest. The size goals concern unpacked sizes, so a higher level
    /// would only trade build time for a smaller download.
    /// </summary>
    internal static CompressionLevel GzipLevel { get; set; } = CompressionLevel.Fastest;

    private static List<LayerGroup> Split(RootTree tree, LayerStrategy strategy,
        IReadOnlyList<PackageContents> contents)
    {
        string KeyOf(StagedEntry e) => (strategy, e.Owner) switch
        {
            (LayerStrategy.SingleLayer, _) => "snello build: image",
            (_, StagedEntry.AppOwner) => "snello build: files",
            (LayerStrategy.PackagesAndApp, _) => "snello build: packages",
            (_, StagedEntry.BaseOwner) => "snello build: base files",
            _ => "snello build: package " + e.Owner,
        };

        var order = new List<string>
        {
            "snello build: image", "snello build: base files", "snello build: packages",
        };
        order.AddRange(contents.Select(c => "snello build: package " + c.Name));
        order.Add("snello build: files");

        // Folders belong to every layer that has something below them, so each layer unpacks on its own
        // with the same folder metadata.
        var groups = new Dictionary<string, Dictionary<string, StagedEntry>>(StringComparer.Ordinal);
        foreach (var entry in tree.Entries)
        {
            var key = KeyOf(entry);
            if (!groups.TryGetValue(key, out var members))
            {
                groups[key] = members = new Dictionary<string, StagedEntry>(StringComparer.Ordinal);
            }

            members[entry.Path] = entry;
            foreach (var ancestor in ImagePath.Ancestors(entry.Path))
            {
                if (!members.ContainsKey(ancestor) && tree.Get(ancestor) is { } folder)
                {
                    members[ancestor] = folder;
                }
            }
        }

        var result = new List<LayerGroup>();
        foreach (var key in order)
        {
            if (groups.TryGetValue(key, out var members))
            {
                result.Add(new LayerGroup(key, CopyForeignHardlinks(members, tree)));
            }
        }

        return result;
    }

    /// <summary>A hard link into another layer becomes a copy: a layer's links name only its own members.</summary>
    private static List<StagedEntry> CopyForeignHardlinks(Dictionary<string, StagedEntry> members, RootTree tree)
    {
        var entries = new List<StagedEntry>(members.Count);
        foreach (var entry in members.Values)
        {
            if (entry.Entry.Type == EntryType.Hardlink && !members.ContainsKey(entry.Entry.LinkTarget!)
                && tree.Get(entry.Entry.LinkTarget!) is { Entry.Type: EntryType.RegularFile } target)
            {
                entries.Add(target with { Entry = target.Entry with { Path = entry.Path } });
                continue;
            }

            entries.Add(entry);
        }

        return entries;
    }

    private static async Task<IReadOnlyList<(LayerGroup Group, CachedLayer Layer)>> WriteLayersAsync(
        IReadOnlyList<LayerGroup> groups, DateTimeOffset created, BlobCache cache,
        CancellationToken cancellationToken)
    {
        var options = new LayerTarOptions { ModificationTime = created, IncludeXattrs = false };
        var tasks = groups.Select(g => Task.Run(() => WriteLayerAsync(g, options, cache, cancellationToken),
            cancellationToken)).ToList();
        var layers = await Task.WhenAll(tasks).ConfigureAwait(false);
        return groups.Zip(layers).ToList();
    }

    internal static async Task<CachedLayer> WriteLayerAsync(LayerGroup group, LayerTarOptions options,
        BlobCache cache, CancellationToken cancellationToken)
    {
        Digest diffId = default;
        var (digest, size, _) = await cache.PutWrittenAsync(async (output, ct) =>
        {
            var gzip = new GZipStream(output, GzipLevel, leaveOpen: true);
            await using (gzip.ConfigureAwait(false))
            {
                diffId = await LayerTarWriter.WriteAsync(group.Entries.Select(e => e.Entry), gzip, options, ct)
                    .ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
        var descriptor = new Descriptor { MediaType = MediaTypes.OciLayerGzip, Digest = digest, Size = size };
        return new CachedLayer(descriptor, diffId, cache);
    }
}
