using System.Text.Json;
using System.Text.Json.Nodes;
using Snello.Oci.Digests;
using Snello.Oci.FileSystems;
using Snello.Oci.Images;
using Snello.Oci.Layers;
using Snello.Oci.Model;
using Snello.Oci.Mutations;

namespace Snello.Build.Slimming;

/// <summary>Writing the one new layer and the image around it.</summary>
public static partial class ImageSlimmer
{
    private static async Task<WrittenLayer> WriteLayerAsync(IImage image, FileSystemView view, KeepSet keep,
        Dictionary<string, byte[]> replaced, SlimOptions options, CancellationToken cancellationToken)
    {
        var staging = options.Cache.NewTempPath();
        Directory.CreateDirectory(staging);
        try
        {
            var entries = new List<LayerTarEntry>();
            var needContent = new List<string>();
            foreach (var path in keep.Reasons.Keys.Order(StringComparer.Ordinal))
            {
                if (view.Get(path) is not { } entry)
                {
                    continue;
                }

                var tar = ToTarEntry(entry);
                if (replaced.TryGetValue(path, out var bytes))
                {
                    entries.Add(tar with
                    {
                        Type = EntryType.RegularFile,
                        LinkTarget = null,
                        Size = bytes.Length,
                        OpenContentAsync = _ => Task.FromResult<Stream>(new MemoryStream(bytes, writable: false)),
                    });
                    continue;
                }

                if (entry.Type == EntryType.Hardlink && keep.Contains("/" + entry.LinkTarget)
                    && !replaced.ContainsKey("/" + entry.LinkTarget))
                {
                    entries.Add(tar);
                    continue;
                }

                if (entry.Type is EntryType.RegularFile or EntryType.Hardlink)
                {
                    needContent.Add(path);
                    entries.Add(tar with { Type = EntryType.RegularFile, LinkTarget = null });
                    continue;
                }

                entries.Add(tar);
            }

            var staged = await StageAsync(view, needContent, staging, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i] is { Type: EntryType.RegularFile, OpenContentAsync: null } file)
                {
                    var source = staged[file.Path];
                    entries[i] = file with
                    {
                        OpenContentAsync = _ => Task.FromResult<Stream>(File.OpenRead(source)),
                    };
                }
            }

            Digest diffId = default;
            long uncompressed = 0;
            var (digest, size, _) = await options.Cache.PutWrittenAsync(async (output, ct) =>
            {
                var gzip = LayerCompressionStreams.OpenCompressor(output, Compression.Gzip);
                await using (gzip.ConfigureAwait(false))
                {
                    var counting = new HashingWriteStream(gzip);
                    await using (counting.ConfigureAwait(false))
                    {
                        diffId = await LayerTarWriter.WriteAsync(entries, counting, new LayerTarOptions(), ct)
                            .ConfigureAwait(false);
                        uncompressed = counting.BytesWritten;
                    }
                }
            }, cancellationToken).ConfigureAwait(false);

            var mediaType = MediaTypes.IsDocker(image.MediaType) ? MediaTypes.DockerLayerGzip : MediaTypes.OciLayerGzip;
            var descriptor = new Descriptor { MediaType = mediaType, Digest = digest, Size = size };
            return new WrittenLayer(new CachedLayer(descriptor, diffId, options.Cache), uncompressed);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static LayerTarEntry ToTarEntry(FileEntry entry) => new()
    {
        Path = entry.Path,
        Type = entry.Type,
        Mode = entry.Mode,
        Uid = entry.Uid,
        Gid = entry.Gid,
        UserName = entry.UserName,
        GroupName = entry.GroupName,
        Size = entry.Type == EntryType.RegularFile ? entry.Size : 0,
        ModificationTime = entry.ModificationTime,
        LinkTarget = entry.LinkTarget,
        DeviceMajor = entry.DeviceMajor,
        DeviceMinor = entry.DeviceMinor,
        Xattrs = entry.Xattrs,
    };

    /// <summary>Copies the kept files' content out of the layers, one read of each, into the staging folder.</summary>
    private static async Task<Dictionary<string, string>> StageAsync(FileSystemView view, List<string> paths,
        string staging, CancellationToken cancellationToken)
    {
        var staged = new Dictionary<string, string>(StringComparer.Ordinal);
        var next = 0;
        await view.ReadContentsAsync(paths, async (names, content, ct) =>
        {
            var file = Path.Combine(staging, (next++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16,
                FileOptions.Asynchronous);
            await using (output.ConfigureAwait(false))
            {
                await content.CopyToAsync(output, ct).ConfigureAwait(false);
            }

            foreach (var name in names)
            {
                staged[name.TrimStart('/')] = file;
            }
        }, cancellationToken).ConfigureAwait(false);
        return staged;
    }

    /// <summary>
    /// The source's manifest and config around the one new layer: the config keeps every field (entrypoint,
    /// env, user, labels, fields Snello does not model) but gets the new diff ID and a one-entry history,
    /// since Docker checks that history entries match the layers.
    /// </summary>
    private static MemoryImage NewImage(IImage image, WrittenLayer written)
    {
        var config = JsonNode.Parse(image.RawConfig.Span)!.AsObject();
        config["rootfs"] = new JsonObject
        {
            ["type"] = "layers",
            ["diff_ids"] = new JsonArray(JsonValue.Create(written.Layer.DiffId.ToString())),
        };
        var history = new JsonObject { ["created_by"] = "snello slim", ["comment"] = "kept what the entrypoint needs" };
        if (config["created"] is JsonValue created)
        {
            history["created"] = created.DeepClone();
        }

        config["history"] = new JsonArray(history);
        var raw = JsonSerializer.SerializeToUtf8Bytes(config, SlimJsonContext.Default.JsonObject);
        var manifest = image.Manifest with
        {
            Config = image.Manifest.Config with { Digest = Digest.Compute(raw), Size = raw.Length },
            Layers = [written.Layer.Descriptor],
        };
        return new MemoryImage(manifest, raw, [written.Layer]);
    }
}
