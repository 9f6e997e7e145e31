namespace Snello.Oci.FileSystems;

/// <summary>Reading the content of many files with one read of each layer.</summary>
public sealed partial class FileSystemView
{
    /// <summary>
    /// Hands the content of each regular file among <paramref name="paths"/> to <paramref name="visit"/>,
    /// reading each layer that holds any of them once, in layer order, where <see cref="OpenReadAsync"/> would
    /// read a layer again per file. Paths that lead to one content (hard links, symlinks) are handed over
    /// together, with the content once; paths that lead to no regular file are skipped. The stream is valid
    /// only during the call, and what the visitor leaves unread is skipped. Each layer is verified as it
    /// streams.
    /// </summary>
    /// <exception cref="SymlinkLoopException">A path holds a symlink loop.</exception>
    /// <exception cref="LimitExceededException">A layer goes over the view's limits.</exception>
    /// <exception cref="Digests.DigestMismatchException">A layer fails its digest.</exception>
    /// <exception cref="ImageFormatException">A layer is malformed or changed since the view was built.</exception>
    public async Task ReadContentsAsync(IEnumerable<string> paths,
        Func<IReadOnlyList<string>, Stream, CancellationToken, ValueTask> visit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(visit);
        var groups = new SortedDictionary<int, Dictionary<int, List<string>>>();
        foreach (var path in paths)
        {
            if (Find(path, followFinal: true) is not { Content: { } content })
            {
                continue;
            }

            if (!groups.TryGetValue(content.Layer, out var members))
            {
                members = [];
                groups[content.Layer] = members;
            }

            if (!members.TryGetValue(content.Ordinal, out var names))
            {
                names = [];
                members[content.Ordinal] = names;
            }

            names.Add(path);
        }

        foreach (var (layerIndex, members) in groups)
        {
            var layer = _sources[layerIndex];
            var digest = layer.Descriptor.Digest.ToString();
            var stream = await RootfsExporter.OpenSecondReadAsync(layer, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var reader = new TarArchiveReader(stream, digest, new ExtractionBudget(_limits), synchronous: true);
                while (members.Count > 0
                    && await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } record)
                {
                    if (members.Remove(record.Ordinal, out var names))
                    {
                        await visit(names, new TarContentStream(reader, null), cancellationToken)
                            .ConfigureAwait(false);
                    }
                }

                if (members.Count > 0)
                {
                    throw new ImageFormatException($"layer '{digest}' no longer holds the content of " +
                        $"'{members.Values.First()[0]}'; the layer changed since the view was built");
                }

                await reader.DrainAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
