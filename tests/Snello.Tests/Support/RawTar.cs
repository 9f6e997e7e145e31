using Snello.Oci.FileSystems;
using Snello.Oci.Layers;

namespace Snello.Tests.Support;

/// <summary>Tar bytes written header by header, for members other writers will not produce.</summary>
public static class RawTar
{
    /// <summary>One header, then exactly the content given whatever the header's size says; no end marker.</summary>
    public static byte[] HeaderThen(FileEntry header, byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarStreamWriter(buffer))
        {
            writer.WriteHeaderAsync(header, CancellationToken.None).GetAwaiter().GetResult();
        }

        buffer.Write(content);
        return buffer.ToArray();
    }

    /// <summary>A well-formed tar of entries with their content, written by Snello's own writer.</summary>
    public static byte[] Of(params (FileEntry Entry, byte[]? Content)[] members)
    {
        using var buffer = new MemoryStream();
        using var writer = new TarStreamWriter(buffer);
        foreach (var (entry, content) in members)
        {
            writer.WriteHeaderAsync(entry, CancellationToken.None).GetAwaiter().GetResult();
            if (content is not null)
            {
                writer.WriteContentAsync(new MemoryStream(content), content.Length, entry.Path,
                    CancellationToken.None).GetAwaiter().GetResult();
            }
        }

        writer.FinishAsync(CancellationToken.None).GetAwaiter().GetResult();
        return buffer.ToArray();
    }
}
