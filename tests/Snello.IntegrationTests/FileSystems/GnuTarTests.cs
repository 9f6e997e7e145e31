using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using Snello.IntegrationTests.Support;
using Snello.Oci.FileSystems;
using Snello.Oci.Layers;

namespace Snello.IntegrationTests.FileSystems;

/// <summary>GNU tar, the reference reader and extractor, against Snello's tar writer and exporter.</summary>
public sealed class GnuTarTests : IDisposable
{
    private static readonly DateTimeOffset Time = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly string _work = Directory.CreateTempSubdirectory("snello-gnutar-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LayerTarEntry File(string path, string content, int mode, int uid = 0) => new()
    {
        Path = path,
        Type = EntryType.RegularFile,
        Mode = mode,
        Uid = uid,
        Gid = uid,
        Size = Encoding.UTF8.GetByteCount(content),
        OpenContentAsync = _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(content))),
    };

    [Fact]
    public async Task Gnu_tar_lists_layer_writer_output_with_names_types_owners_and_times()
    {
        var tar = Tool.Require("tar");
        var longPath = string.Join('/', Enumerable.Repeat("a-long-directory-name", 9)) + "/file";
        LayerTarEntry[] entries =
        [
            new() { Path = "app", Type = EntryType.Directory, Mode = 0b111_101_101, Uid = 1000, Gid = 1000 },
            File("app/run", "#!/bin/sh\n", 0b111_101_101, 1000),
            File("app/ping", "elf", 0b100_111_101_101) with
            {
                Xattrs = new Dictionary<string, byte[]> { ["security.capability"] = [1, 0, 0, 2, 0xff, 0x80] },
            },
            new() { Path = "app/link", Type = EntryType.Symlink, LinkTarget = "run", Mode = 0b111_111_111 },
            new() { Path = "app/again", Type = EntryType.Hardlink, LinkTarget = "app/run" },
            File(longPath, "deep", 0b110_100_100),
            new() { Path = "pipe", Type = EntryType.Fifo, Mode = 0b110_100_100 },
        ];
        var file = Path.Combine(_work, "layer.tar");
        await using (var output = System.IO.File.Create(file))
        {
            await LayerTarWriter.WriteAsync(entries, output, new LayerTarOptions { ModificationTime = Time }, Ct);
        }

        var (exit, listing, error) = await Tool.RunAsync(tar, "--numeric-owner", "-tvf", file);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var lines = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("drwxr-xr-x 1000/1000", StringComparison.Ordinal)
            && l.EndsWith(" 2025-01-02 03:04 app/", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("-rwxr-xr-x 1000/1000", StringComparison.Ordinal)
            && l.EndsWith(" app/again", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("hrwxr-xr-x", StringComparison.Ordinal)
            && l.EndsWith(" app/run link to app/again", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("-rwsr-xr-x", StringComparison.Ordinal)
            && l.EndsWith(" app/ping", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("lrwxrwxrwx", StringComparison.Ordinal)
            && l.EndsWith(" app/link -> run", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(" " + longPath, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("prw-r--r--", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gnu_tar_extraction_of_the_tar_export_equals_the_directory_export()
    {
        var tar = Tool.Require("tar");
        var find = Tool.Require("find");
        var image = SampleImage();
        var fromDirectory = Path.Combine(_work, "direct");
        var fromTar = Path.Combine(_work, "extracted");
        var archive = Path.Combine(_work, "rootfs.tar");
        await RootfsExporter.ExportToDirectoryAsync(image, fromDirectory, new ExportOptions(), Ct);
        await using (var output = System.IO.File.Create(archive))
        {
            await RootfsExporter.ExportToTarAsync(image, output, new ExportOptions(), Ct);
        }

        Directory.CreateDirectory(fromTar);
        var (exit, _, error) = await Tool.RunAsync(tar, "--numeric-owner", "-xpf", archive, "-C", fromTar);
        Assert.True(exit == 0, error);

        var expected = await DescribeAsync(find, fromDirectory);
        var actual = await DescribeAsync(find, fromTar);
        Assert.True(expected.Count > 10);
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// One line per entry, from lstat (find does not follow links): path, type, mode, owner, size, mtime,
    /// link target, content hash, and the other names sharing its inode.
    /// </summary>
    private static async Task<List<string>> DescribeAsync(string find, string root)
    {
        var (exit, output, error) = await Tool.RunAsync(find, root, "-mindepth", "1", "-printf",
            "%P\t%y\t%m\t%U:%G\t%s\t%T@\t%l\t%i\n");
        Assert.True(exit == 0, error);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        var byInode = rows.Where(r => r[1] == "f").GroupBy(r => r[7])
            .ToDictionary(g => g.Key, g => string.Join(',', g.Select(r => r[0]).Order(StringComparer.Ordinal)));
        var lines = new List<string>();
        foreach (var row in rows)
        {
            var hash = row[1] == "f"
                ? Convert.ToHexStringLower(SHA256.HashData(await System.IO.File.ReadAllBytesAsync(
                    Path.Combine(root, row[0]), Ct)))
                : "-";
            var names = row[1] == "f" ? byInode[row[7]] : "-";
            lines.Add(string.Join(' ', row[..7]) + $" {hash} [{names}]");
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static MemoryImage SampleImage()
    {
        PaxTarEntry Entry(TarEntryType type, string name, int mode, string? content = null, string? link = null,
            int owner = 0)
        {
            var entry = new PaxTarEntry(type, name)
            {
                Mode = (UnixFileMode)mode,
                ModificationTime = Time,
                Uid = owner,
                Gid = owner,
            };
            if (content is not null)
            {
                entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content));
            }

            if (link is not null)
            {
                entry.LinkName = link;
            }

            return entry;
        }

        var longName = string.Join('/', Enumerable.Repeat("deep-directory-name", 8));
        var baseLayer = new List<TarEntry>
        {
            Entry(TarEntryType.Directory, "bin/", 0b111_101_101),
            Entry(TarEntryType.RegularFile, "bin/busybox", 0b111_101_101, "busybox binary"),
            Entry(TarEntryType.HardLink, "bin/sh", 0b111_101_101, link: "bin/busybox"),
            Entry(TarEntryType.SymbolicLink, "bin/ls", 0b111_111_111, link: "busybox"),
            Entry(TarEntryType.Directory, "etc/", 0b111_101_101),
            Entry(TarEntryType.RegularFile, "etc/passwd", 0b110_100_100, "root:x:0:0::/root:/bin/sh\n"),
            Entry(TarEntryType.RegularFile, "etc/shadow", 0b110_000_000, "root:*:1::::::\n"),
            Entry(TarEntryType.Directory, "opt/", 0b111_101_101),
            Entry(TarEntryType.RegularFile, "opt/old", 0b110_100_100, "old"),
            Entry(TarEntryType.Directory, "home/", 0b111_101_101),
            Entry(TarEntryType.Directory, "home/app/", 0b111_000_000, owner: 1000),
            Entry(TarEntryType.RegularFile, "home/app/notes", 0b110_000_000, "mine", owner: 1000),
            Entry(TarEntryType.RegularFile, "usr/bin/sudo", 0b100_111_101_101, "sudo"),
            Entry(TarEntryType.Fifo, "run/initctl", 0b110_000_000),
            Entry(TarEntryType.RegularFile, longName + "/file", 0b110_100_100, "long"),
            Entry(TarEntryType.SymbolicLink, "lib", 0b111_111_111, link: "usr/lib"),
        };
        var topLayer = new List<TarEntry>
        {
            Entry(TarEntryType.RegularFile, "etc/.wh.shadow", 0b110_100_100, string.Empty),
            Entry(TarEntryType.Directory, "opt/", 0b111_101_101),
            Entry(TarEntryType.RegularFile, "opt/.wh..wh..opq", 0b110_100_100, string.Empty),
            Entry(TarEntryType.RegularFile, "opt/new", 0b110_100_100, "new"),
            Entry(TarEntryType.RegularFile, "lib/libc.so.6", 0b111_101_101, "libc"),
            Entry(TarEntryType.RegularFile, "bin/busybox", 0b111_101_101, "newer busybox"),
            Entry(TarEntryType.Directory, "readonly/", 0b101_101_101),
            Entry(TarEntryType.RegularFile, "readonly/file", 0b100_100_100, "ro"),
        };
        return new MemoryImage(baseLayer, topLayer);
    }
}
