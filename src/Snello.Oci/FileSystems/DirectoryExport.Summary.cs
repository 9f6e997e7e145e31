namespace Snello.Oci.FileSystems;

/// <summary>Counting what the finished tree holds.</summary>
internal sealed partial class DirectoryExport
{
    private ExportSummary Summarize()
    {
        long files = 0, directories = 0, symlinks = 0, hardlinks = 0, fifos = 0, devices = 0, skipped = 0;
        long bytes = 0;
        var contents = new HashSet<ContentSource>();
        var pending = new Stack<TreeNode>();
        pending.Push(_root);
        while (pending.TryPop(out var node))
        {
            foreach (var child in node.Children!.Values)
            {
                if (child.IsDirectory)
                {
                    directories++;
                    pending.Push(child);
                    continue;
                }

                if (child.Content is { } content)
                {
                    // The first name of some content is its file; the others are links to it.
                    if (contents.Add(content))
                    {
                        files++;
                        bytes += content.Size;
                    }
                    else
                    {
                        hardlinks++;
                    }

                    continue;
                }

                switch (child.Entry!.Type)
                {
                    case EntryType.Symlink:
                        symlinks++;
                        break;
                    case EntryType.Fifo:
                        fifos++;
                        break;
                    case var _ when _options.Devices && _privileged:
                        devices++;
                        break;
                    default:
                        skipped++;
                        break;
                }
            }
        }

        return new ExportSummary
        {
            Files = files,
            Directories = directories,
            Symlinks = symlinks,
            Hardlinks = hardlinks,
            Fifos = fifos,
            Devices = devices,
            DevicesSkipped = skipped,
            XattrsFailed = _xattrsFailed,
            BytesWritten = bytes,
        };
    }
}
