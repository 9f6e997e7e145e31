using System.Formats.Tar;
using System.Text;
using Snello.Oci.Digests;
using Snello.Oci.FileSystems;
using Snello.Oci.Layers;
using Snello.Oci.Native;
using Snello.Tests.Support;

namespace Snello.Tests.Oci.Layers;

public sealed class LayerTarWriterTests : IDisposable
{
    private static readonly DateTimeOffset Epoch = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly LayerTarOptions Options = new() { ModificationTime = Epoch };
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string LongPath => string.Join('/', Enumerable.Repeat("a-rather-long-directory-name", 8)) + "/file";

    private static List<LayerTarEntry> Entries() =>
    [
        File("usr/bin/tool", "tool", 0b111_101_101),
        new() { Path = "usr", Type = EntryType.Directory, Mode = 0b111_101_101 },
        new() { Path = "usr/bin", Type = EntryType.Directory, Mode = 0b111_101_101 },
        new() { Path = "usr/bin/alias", Type = EntryType.Symlink, LinkTarget = "tool", Mode = 0b111_111_111 },
        new() { Path = "usr/bin/hard", Type = EntryType.Hardlink, LinkTarget = "/usr/bin/tool" },
        File(LongPath, "deep", 0b110_100_100) with { Uid = 3_000_000, UserName = "a-user-name-longer-than-32-bytes!!" },
        File("caps", "c", 0b111_101_101) with
        {
            Xattrs = new Dictionary<string, byte[]> { ["security.capability"] = [0x01, 0x00, 0x00, 0x02, 0xff, 0x80] },
        },
        new() { Path = "app", Type = EntryType.Directory, Mode = 0b111_101_101, Uid = 1000, Gid = 1000,
            UserName = "app", GroupName = "app" },
    ];

    private static LayerTarEntry File(string path, string content, int mode) => new()
    {
        Path = path,
        Type = EntryType.RegularFile,
        Mode = mode,
        Size = Encoding.UTF8.GetByteCount(content),
        OpenContentAsync = _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(content))),
    };

    private static async Task<(byte[] Tar, Digest DiffId)> WriteAsync(IEnumerable<LayerTarEntry> entries)
    {
        using var output = new MemoryStream();
        var digest = await LayerTarWriter.WriteAsync(entries, output, Options, Ct);
        return (output.ToArray(), digest);
    }

    [Fact]
    public async Task Same_entries_in_any_order_give_identical_bytes()
    {
        var (first, firstDigest) = await WriteAsync(Entries());
        var reversed = Entries();
        reversed.Reverse();
        var (second, secondDigest) = await WriteAsync(reversed);

        Assert.Equal(first, second);
        Assert.Equal(firstDigest, secondDigest);
        Assert.Equal(Digest.Compute(first), firstDigest);
    }

    [Fact]
    public async Task Pax_header_names_hold_no_process_id()
    {
        var (tar, _) = await WriteAsync(Entries());

        var paxNames = new List<string>();
        for (var offset = 0; offset + 512 <= tar.Length; offset += 512)
        {
            if (tar[offset + 156] == (byte)'x')
            {
                paxNames.Add(Encoding.UTF8.GetString(tar, offset, 100).TrimEnd('\0'));
            }
        }

        Assert.Equal(["PaxHeaders/caps", "PaxHeaders/file"], paxNames.Order(StringComparer.Ordinal));
        Assert.All(paxNames, n => Assert.DoesNotContain(
            Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), n,
            StringComparison.Ordinal));
        Assert.Equal(2, paxNames.Count);
    }

    [Fact]
    public async Task Members_are_sorted_with_the_fixed_time_and_owners_as_given()
    {
        var (tar, _) = await WriteAsync(Entries());

        var names = new List<string>();
        using var reader = new TarReader(new MemoryStream(tar));
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
            Assert.Equal(Epoch, entry.ModificationTime);
            if (entry.Name == "app/")
            {
                var posix = Assert.IsAssignableFrom<PosixTarEntry>(entry);
                Assert.Equal((1000, 1000, "app", "app"), (entry.Uid, entry.Gid, posix.UserName, posix.GroupName));
            }
        }

        Assert.Equal(["a-rather", "app/", "caps", "usr/", "usr/bin/", "usr/bin/alias", "usr/bin/hard",
                "usr/bin/tool"],
            names.Select(n => n.StartsWith("a-rather", StringComparison.Ordinal) ? "a-rather" : n));
    }

    [Fact]
    public async Task Output_reads_back_with_long_names_big_ids_and_raw_xattrs()
    {
        var (tar, _) = await WriteAsync(Entries());
        var view = await FileSystemView.BuildAsync(new TestImage(TestLayer.FromTar(tar)), ExtractionLimits.Default,
            Ct);

        var deep = view.Get(LongPath)!;
        Assert.Equal(3_000_000, deep.Uid);
        Assert.Equal("a-user-name-longer-than-32-bytes!!", deep.UserName);
        Assert.Equal(new byte[] { 0x01, 0x00, 0x00, 0x02, 0xff, 0x80 },
            view.Get("caps")!.Xattrs!["security.capability"]);
        Assert.Equal(EntryType.RegularFile, view.Get("usr/bin/hard")!.Type);
        Assert.Equal("usr/bin/hard", view.Get("usr/bin/tool")!.LinkTarget);
        await using var content = await view.OpenReadAsync("usr/bin/hard", Ct);
        Assert.Equal("tool", await new StreamReader(content).ReadToEndAsync(Ct));
    }

    [Fact]
    public async Task Content_shorter_than_its_size_is_an_error_naming_the_path()
    {
        var entry = File("short", "abc", 0b110_100_100) with { Size = 10 };

        var error = await Assert.ThrowsAsync<IOException>(() => WriteAsync([entry]));
        Assert.Contains("'short'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_paths_are_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => WriteAsync([File("a", "1", 0b110_100_100), File("./a", "2", 0b110_100_100)]));
        Assert.Contains("'a' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sub_second_times_survive_through_a_pax_record()
    {
        var time = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
        using var output = new MemoryStream();
        await LayerTarWriter.WriteAsync([File("t", "x", 0b110_100_100) with { ModificationTime = time }], output,
            new LayerTarOptions(), Ct);
        var view = await FileSystemView.BuildAsync(new TestImage(TestLayer.FromTar(output.ToArray())),
            ExtractionLimits.Default, Ct);

        Assert.Equal(time, view.Get("t")!.ModificationTime);
    }

    [Fact]
    public async Task Directory_on_disk_becomes_a_layer_with_links_kept_and_hardlinks_found()
    {
        var root = Path.Combine(_sandbox.Parent, "tree");
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        await System.IO.File.WriteAllTextAsync(Path.Combine(root, "bin", "busybox"), "elf", Ct);
        Assert.Equal(0, LibC.Link(Path.Combine(root, "bin", "busybox"), Path.Combine(root, "bin", "sh")));
        System.IO.File.CreateSymbolicLink(Path.Combine(root, "bin", "ls"), "busybox");
        Directory.CreateSymbolicLink(Path.Combine(root, "escape"), "/etc");

        using var first = new MemoryStream();
        var digest = await LayerTarWriter.WriteDirectoryAsync(root, first, Options, Ct);
        using var second = new MemoryStream();
        await LayerTarWriter.WriteDirectoryAsync(root, second, Options, Ct);
        var view = await FileSystemView.BuildAsync(new TestImage(TestLayer.FromTar(first.ToArray())),
            ExtractionLimits.Default, Ct);

        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(Digest.Compute(first.ToArray()), digest);
        Assert.Equal(["bin", "bin/busybox", "bin/ls", "bin/sh", "escape"], view.Walk().Select(e => e.Path));
        Assert.Equal(EntryType.RegularFile, view.Get("bin/busybox")!.Type);
        Assert.Equal(("bin/busybox", EntryType.Hardlink), (view.Get("bin/sh")!.LinkTarget, view.Get("bin/sh")!.Type));
        Assert.Equal("/etc", view.Get("escape")!.LinkTarget);
        Assert.Equal(EntryType.Symlink, view.Get("escape")!.Type);
    }

    [Fact]
    public async Task A_missing_directory_is_refused()
    {
        using var output = new MemoryStream();
        await Assert.ThrowsAsync<DirectoryNotFoundException>(
            () => LayerTarWriter.WriteDirectoryAsync(Path.Combine(_sandbox.Parent, "none"), output, Options, Ct));
    }
}
