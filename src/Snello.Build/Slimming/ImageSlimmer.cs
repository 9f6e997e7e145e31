using Microsoft.Extensions.Logging;
using Snello.Analysis.Libraries;
using Snello.Build.Paths;
using Snello.Oci.FileSystems;
using Snello.Oci.Images;

namespace Snello.Build.Slimming;

/// <summary>
/// Slims an image to what its entrypoint needs: image -> squashed view -> keep set -> a new image with one
/// layer holding only the kept paths, the config kept as it was but for its rootfs and history. The source
/// layers are read three times: once to build the view, once for headers (ELF, shebangs, loader and package
/// configuration), once for the content of the kept files.
/// </summary>
public static partial class ImageSlimmer
{
    /// <summary>The reason given for every path the analysis did not reach.</summary>
    public const string NotReachable = "not reachable from the entrypoint";

    /// <summary>
    /// Slims <paramref name="image"/>. Nothing is written but the new layer blob, into the cache; the caller
    /// writes the returned image where it wants.
    /// </summary>
    /// <exception cref="Oci.ImageFormatException">
    /// A layer is malformed, fails its digest or holds a symlink loop.
    /// </exception>
    /// <exception cref="LimitExceededException">The layers go over the limits.</exception>
    /// <exception cref="ArgumentException">A --keep glob is empty.</exception>
    public static async Task<SlimResult> SlimAsync(IImage image, SlimOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        var globs = options.Keep.Select(g => GlobPattern.Parse("/" + g.Trim().TrimStart('/'))).ToList();
        var view = await FileSystemView.BuildAsync(image, options.Limits, cancellationToken).ConfigureAwait(false);
        options.Logger?.LogDebug("Built the view of {Count} entries; reading headers", view.Count);
        var files = await ImageFileLookup
            .LoadAsync(view, e => WantsContent(e.Path), cancellationToken: cancellationToken)
            .ConfigureAwait(false);

        var keep = new KeepSet(view, files);
        var builder = new KeepSetBuilder(keep, files, image.Config.Config, globs);
        builder.Build();
        var status = DpkgRecords.Apply(keep, files);
        AddParents(keep);
        options.Logger?.LogDebug("Keeping {Count} of {Total} paths", keep.Reasons.Count, view.Count);

        var replaced = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (status is not null)
        {
            replaced[DpkgRecords.StatusPath] = status;
        }

        var written = await WriteLayerAsync(image, view, keep, replaced, options, cancellationToken)
            .ConfigureAwait(false);
        var slim = NewImage(image, written);
        var report = Report(image, view, keep, builder, written);
        return new SlimResult(slim, report);
    }

    private static bool WantsContent(string path) =>
        DpkgRecords.NeedsContent(path)
        || path is "etc/ld.so.conf" or "etc/nsswitch.conf"
        || path.StartsWith("etc/ld.so.conf.d/", StringComparison.Ordinal);

    /// <summary>Keeps the directories on the way to every kept path, so their modes and owners stay.</summary>
    private static void AddParents(KeepSet keep)
    {
        foreach (var path in keep.Reasons.Keys.ToList())
        {
            for (var parent = ChrootPath.Parent(path); parent != "/"; parent = ChrootPath.Parent(parent))
            {
                if (keep.Contains(parent))
                {
                    break;
                }

                keep.Add(parent, "directory of a kept path");
            }
        }
    }

    private static SlimReport Report(IImage image, FileSystemView view, KeepSet keep, KeepSetBuilder builder,
        WrittenLayer written)
    {
        var kept = new List<SlimPath>();
        var removed = new List<SlimPath>();
        foreach (var entry in view.Walk())
        {
            var path = "/" + entry.Path;
            var size = entry.Type is EntryType.RegularFile or EntryType.Hardlink ? entry.Size : 0;
            if (keep.Reasons.TryGetValue(path, out var reason))
            {
                kept.Add(new SlimPath(path, size, reason));
            }
            else
            {
                removed.Add(new SlimPath(path, size, NotReachable));
            }
        }

        return new SlimReport
        {
            Program = builder.Program,
            UncompressedBefore = view.Layers.Sum(l => l.UncompressedSize),
            CompressedBefore = image.Layers.Sum(l => l.Descriptor.Size),
            UncompressedAfter = written.UncompressedSize,
            CompressedAfter = written.Layer.Descriptor.Size,
            Kept = kept,
            Removed = removed,
            Unresolved = builder.Unresolved.Distinct(StringComparer.Ordinal).ToList(),
            Warnings = builder.Warnings.Distinct(StringComparer.Ordinal).ToList(),
        };
    }
}
