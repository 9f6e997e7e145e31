using Microsoft.Extensions.Logging;
using Snello.Oci.Images;
using Snello.Oci.Layers;

namespace Snello.Oci.FileSystems;

/// <summary>Exporting the squashed tree as one tar stream.</summary>
public static partial class RootfsExporter
{
    /// <summary>
    /// Writes the squashed root filesystem of <paramref name="image"/> to <paramref name="output"/> as one tar:
    /// symlinks and FIFOs (and devices with <see cref="ExportOptions.Devices"/>) first, in path order, then file
    /// content layer by layer, a file's further names as hard links after it, and the directories last, deepest
    /// first, so an extractor sets their modes and times after it has written into them (GNU tar restores a
    /// directory's time as soon as it moves on to an unrelated member). Every layer is verified
    /// while it streams. The whole image is checked before the first byte is written, but the second read of a
    /// layer can still fail (its source changed): then the exception comes after partial output, and the
    /// caller must treat the stream as broken (the CLI exits non-zero with the message).
    /// </summary>
    /// <exception cref="LimitExceededException">The layers go over the limits.</exception>
    /// <exception cref="Digests.DigestMismatchException">A layer fails its digest; output may be partial.</exception>
    /// <exception cref="ImageFormatException">A layer is malformed; the message names its digest.</exception>
    public static async Task<ExportSummary> ExportToTarAsync(IImage image, Stream output, ExportOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var view = await FileSystemView.BuildAsync(image.Layers, options.Limits, synchronous: true, cancellationToken)
            .ConfigureAwait(false);
        var nodes = view.SortedNodes();

        // Headers are 512 bytes, and a stream without its own async writes (stdout) hops to the thread pool
        // for each; the buffer makes that one hop a megabyte. It holds nothing to dispose, and disposing it
        // would flush again into an output that may have failed.
        var buffered = new BufferedStream(new NonClosingStream(output), 1 << 20);
        try
        {
            return await WriteTarAsync(view, nodes, buffered, options, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The caller learns of the failure; what was written before it still reaches the output.
            await FlushQuietlyAsync(buffered).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task FlushQuietlyAsync(Stream stream)
    {
        try
        {
            await stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            // The output itself failed; the exception being thrown says more.
        }
    }

    private static async Task<ExportSummary> WriteTarAsync(FileSystemView view, List<TreeNode> nodes,
        Stream output, ExportOptions options, CancellationToken cancellationToken)
    {
        using var writer = new TarStreamWriter(output);
        long directories = 0, symlinks = 0, fifos = 0, devices = 0, skipped = 0, files = 0, hardlinks = 0;
        foreach (var node in nodes)
        {
            var entry = node.Entry!;
            switch (entry.Type)
            {
                case EntryType.RegularFile or EntryType.Hardlink:
                    continue;
                case EntryType.CharacterDevice or EntryType.BlockDevice when !options.Devices:
                    skipped++;
                    continue;
                case EntryType.CharacterDevice or EntryType.BlockDevice:
                    devices++;
                    break;
                case EntryType.Directory:
                    continue;
                case EntryType.Symlink:
                    symlinks++;
                    break;
                default:
                    fifos++;
                    break;
            }

            await writer.WriteHeaderAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (layerIndex, members) in GroupContent(nodes))
        {
            var layer = view.Sources[layerIndex];
            var digest = layer.Descriptor.Digest.ToString();
            if (options.Logger?.IsEnabled(LogLevel.Debug) == true)
            {
                options.Logger.LogDebug("Exporting {Count} files of layer {Digest} to tar", members.Count, digest);
            }

            var stream = await OpenSecondReadAsync(layer, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var reader = new TarArchiveReader(stream, digest, new ExtractionBudget(options.Limits),
                    synchronous: true);
                while (members.Count > 0
                    && await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } record)
                {
                    if (!members.Remove(record.Ordinal, out var group))
                    {
                        continue;
                    }

                    var first = group[0];
                    var fileEntry = first.Entry! with
                    {
                        Type = EntryType.RegularFile,
                        LinkTarget = null,
                        Size = first.Content!.Value.Size,
                    };
                    await writer.WriteHeaderAsync(fileEntry, cancellationToken).ConfigureAwait(false);
                    await writer.WriteContentAsync(new TarContentStream(reader, null), fileEntry.Size, first.Path,
                        cancellationToken).ConfigureAwait(false);
                    files++;
                    foreach (var other in group.Skip(1))
                    {
                        var link = other.Entry! with { Type = EntryType.Hardlink, LinkTarget = first.Path, Size = 0 };
                        await writer.WriteHeaderAsync(link, cancellationToken).ConfigureAwait(false);
                        hardlinks++;
                    }
                }

                if (members.Count > 0)
                {
                    throw MissingMembers(digest, members);
                }

                await reader.DrainAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        for (var i = nodes.Count - 1; i >= 0; i--)
        {
            if (nodes[i].Entry!.Type == EntryType.Directory)
            {
                await writer.WriteHeaderAsync(nodes[i].Entry!, cancellationToken).ConfigureAwait(false);
                directories++;
            }
        }

        await writer.FinishAsync(cancellationToken).ConfigureAwait(false);
        return new ExportSummary
        {
            Files = files,
            Directories = directories,
            Symlinks = symlinks,
            Hardlinks = hardlinks,
            Fifos = fifos,
            Devices = devices,
            DevicesSkipped = skipped,
            BytesWritten = writer.BytesWritten,
        };
    }
}
