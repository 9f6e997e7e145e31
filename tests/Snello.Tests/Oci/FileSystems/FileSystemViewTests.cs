using System.Formats.Tar;
using System.Text;
using Snello.Oci.FileSystems;
using Snello.Tests.Support;

namespace Snello.Tests.Oci.FileSystems;

public sealed class FileSystemViewTests
{
    private static Task<FileSystemView> BuildAsync(params TarBuilder[] layers) =>
        FileSystemView.BuildAsync(TestImage.Of(layers), ExtractionLimits.Default,
            TestContext.Current.CancellationToken);

    private static async Task<string> ReadAsync(FileSystemView view, string path)
    {
        await using var stream = await view.OpenReadAsync(path, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Whiteout_removes_the_lower_file_and_the_marker_never_appears()
    {
        var view = await BuildAsync(
            new TarBuilder().Directory("etc").File("etc/a", "1").File("etc/b", "2"),
            new TarBuilder().Whiteout("etc/a"));

        Assert.Null(view.Get("etc/a"));
        Assert.NotNull(view.Get("etc/b"));
        Assert.DoesNotContain(view.Walk(), e => e.Path.Contains(".wh.", StringComparison.Ordinal));
        Assert.Equal(["etc/a"], view.Layers[1].Whiteouts);
        Assert.Empty(view.Layers[1].Entries);
    }

    [Fact]
    public async Task Whiteout_of_a_directory_removes_everything_under_it()
    {
        var view = await BuildAsync(
            new TarBuilder().Directory("usr").Directory("usr/share").File("usr/share/doc", "x"),
            new TarBuilder().Whiteout("usr/share"));

        Assert.Equal(["usr"], view.Walk().Select(e => e.Path));
    }

    [Fact]
    public async Task Opaque_directory_hides_lower_children_but_keeps_its_own_layer_members()
    {
        var view = await BuildAsync(
            new TarBuilder().Directory("opt").File("opt/old", "old").File("keep", "k"),
            new TarBuilder().Directory("opt").Opaque("opt").File("opt/new", "new"));

        Assert.Equal(["keep", "opt", "opt/new"], view.Walk().Select(e => e.Path));
        Assert.Equal(["opt"], view.Layers[1].OpaqueDirectories);
        Assert.Equal(1, view.Get("opt")!.LayerIndex);
    }

    [Fact]
    public async Task Later_layer_replaces_an_entry_and_each_entry_knows_its_layer()
    {
        var view = await BuildAsync(
            new TarBuilder().File("a", "base").File("b", "base"),
            new TarBuilder().File("a", "top"));

        Assert.Equal(1, view.Get("a")!.LayerIndex);
        Assert.Equal(0, view.Get("b")!.LayerIndex);
        Assert.Equal("top", await ReadAsync(view, "a"));
        Assert.Equal("base", await ReadAsync(view, "/b"));
    }

    [Fact]
    public async Task Directory_replaced_by_a_file_loses_its_children()
    {
        var view = await BuildAsync(
            new TarBuilder().Directory("x").File("x/child", "c"),
            new TarBuilder().File("x", "now a file"));

        Assert.Equal(EntryType.RegularFile, view.Get("x")!.Type);
        Assert.Null(view.Get("x/child"));
        Assert.Equal(1, view.Count);
    }

    [Fact]
    public async Task Directories_merge_across_layers_and_take_the_newer_metadata()
    {
        var view = await BuildAsync(
            new TarBuilder().Directory("d", 0b111_101_101).File("d/one", "1"),
            new TarBuilder().Directory("d", 0b111_000_000).File("d/two", "2"));

        Assert.Equal(0b111_000_000, view.Get("d")!.Mode);
        Assert.Equal(["d/one", "d/two"], view.List("d").Select(e => e.Path));
    }

    [Fact]
    public async Task Layer_trees_keep_each_layers_own_entries_and_sizes()
    {
        var view = await BuildAsync(
            new TarBuilder().File("a", "12345"),
            new TarBuilder().File("a", "1").File("b", "2"));

        Assert.Equal(2, view.Layers.Count);
        Assert.Equal(["a"], view.Layers[0].Entries.Select(e => e.Path));
        Assert.Equal(5, view.Layers[0].Entries[0].Size);
        Assert.Equal(["a", "b"], view.Layers[1].Entries.Select(e => e.Path));
        Assert.All(view.Layers[1].Entries, e => Assert.Equal(1, e.LayerIndex));
        Assert.True(view.Layers[0].UncompressedSize >= 3 * 512);
        Assert.Equal(0, view.Layers[0].UncompressedSize % 512);
    }

    [Fact]
    public async Task Get_accepts_absolute_relative_and_dot_slash_paths()
    {
        var view = await BuildAsync(new TarBuilder().Directory("a").File("a/b", "x"));

        Assert.Equal("a/b", view.Get("/a/b")!.Path);
        Assert.Equal("a/b", view.Get("a/b")!.Path);
        Assert.Equal("a/b", view.Get("./a/b")!.Path);
        Assert.Null(view.Get("/"));
        Assert.Null(view.Get("a/missing"));
    }

    [Fact]
    public async Task List_returns_direct_children_sorted_ordinally()
    {
        var view = await BuildAsync(new TarBuilder().Directory("d").File("d/b", "").File("d/B", "")
            .Directory("d/a").File("d/a/deep", ""));

        Assert.Equal(["d/B", "d/a", "d/b"], view.List("/d").Select(e => e.Path));
        Assert.Equal(["d"], view.List("/").Select(e => e.Path));
        var missing = Assert.Throws<FileNotFoundInImageException>(() => view.List("nope"));
        Assert.Equal("nope", missing.Path);
    }

    [Fact]
    public async Task Missing_parent_directories_are_implied()
    {
        var view = await BuildAsync(new TarBuilder().File("a/b/c", "x"));

        var a = view.Get("a")!;
        Assert.Equal(EntryType.Directory, a.Type);
        Assert.Equal(0b111_101_101, a.Mode);
        Assert.Equal(["a", "a/b", "a/b/c"], view.Walk().Select(e => e.Path));
    }

    [Fact]
    public async Task Hardlinks_symlinks_devices_and_fifos_are_read()
    {
        var view = await BuildAsync(new TarBuilder()
            .File("bin/busybox", "elf", 0b111_101_101)
            .Hardlink("bin/sh", "bin/busybox")
            .Symlink("bin/ls", "busybox")
            .Device("dev/null", block: false, 1, 3)
            .Device("dev/sda", block: true, 8, 0)
            .Fifo("run/pipe"));

        var sh = view.Get("bin/sh")!;
        Assert.Equal(EntryType.Hardlink, sh.Type);
        Assert.Equal("bin/busybox", sh.LinkTarget);
        Assert.Equal(3, sh.Size);
        Assert.Equal("elf", await ReadAsync(view, "bin/sh"));
        Assert.Equal("busybox", view.Get("bin/ls")!.LinkTarget);
        Assert.Equal("elf", await ReadAsync(view, "bin/ls"));
        var devNull = view.Get("dev/null")!;
        Assert.Equal((EntryType.CharacterDevice, 1, 3), (devNull.Type, devNull.DeviceMajor, devNull.DeviceMinor));
        var sda = view.Get("dev/sda")!;
        Assert.Equal((EntryType.BlockDevice, 8, 0), (sda.Type, sda.DeviceMajor, sda.DeviceMinor));
        Assert.Equal(EntryType.Fifo, view.Get("run/pipe")!.Type);
    }

    [Fact]
    public async Task Hardlink_keeps_its_content_when_the_target_is_whited_out_later()
    {
        var view = await BuildAsync(
            new TarBuilder().File("a", "shared").Hardlink("b", "a"),
            new TarBuilder().Whiteout("a"));

        Assert.Null(view.Get("a"));
        Assert.Equal("shared", await ReadAsync(view, "b"));
    }

    [Fact]
    public async Task Text_xattrs_from_pax_records_are_read()
    {
        var view = await BuildAsync(new TarBuilder().FileWithXattrs("f", "x",
            new Dictionary<string, string> { ["user.comment"] = "hello" }));

        Assert.Equal("hello"u8.ToArray(), view.Get("f")!.Xattrs!["user.comment"]);
    }

    [Fact]
    public async Task Binary_xattr_values_keep_their_raw_bytes()
    {
        // A file capability: version 2, cap_net_bind_service; the high bytes are not valid UTF-8.
        byte[] capability = [0x01, 0x00, 0x00, 0x02, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0xff, 0xfe, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00];
        var tar = RawTar.Of((new FileEntry
        {
            Path = "usr/bin/ping",
            Type = EntryType.RegularFile,
            Mode = 0b111_101_101,
            Size = 2,
            Xattrs = new Dictionary<string, byte[]> { ["security.capability"] = capability },
        }, "hi"u8.ToArray()));
        var view = await FileSystemView.BuildAsync(new TestImage(TestLayer.FromTar(tar)), ExtractionLimits.Default,
            TestContext.Current.CancellationToken);

        Assert.Equal(capability, view.Get("usr/bin/ping")!.Xattrs!["security.capability"]);
    }

    [Theory]
    [InlineData(TarEntryFormat.Gnu)]
    [InlineData(TarEntryFormat.Pax)]
    public async Task Long_names_and_link_targets_are_read(TarEntryFormat format)
    {
        var directory = string.Join('/', Enumerable.Repeat("directory-with-a-long-name", 6));
        var file = directory + "/" + new string('f', 120);
        var target = "/" + directory + "/" + new string('t', 110);
        var view = await BuildAsync(new TarBuilder(format).File(file, "long").Symlink("link", target)
            .Hardlink("hard", file));

        Assert.True(file.Length > 200);
        Assert.Equal("long", await ReadAsync(view, file));
        Assert.Equal(target, view.Get("link")!.LinkTarget);
        Assert.Equal(file, view.Get("hard")!.LinkTarget);
    }

    [Fact]
    public async Task Uid_gid_mode_and_names_are_read()
    {
        var view = await BuildAsync(new TarBuilder().File("f", "x", 0b110_110_000 | 0b100_000_000_000, 1000, 50));

        var entry = view.Get("f")!;
        Assert.Equal((1000, 50), (entry.Uid, entry.Gid));
        Assert.Equal(0b100_110_110_000, entry.Mode);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), entry.ModificationTime);
    }

    [Fact]
    public async Task Resolve_follows_symlink_chains_inside_the_root()
    {
        var view = await BuildAsync(new TarBuilder()
            .Directory("usr").Directory("usr/lib").File("usr/lib/libc.so.6", "libc")
            .Symlink("lib", "usr/lib")
            .Symlink("usr/lib/libc.so", "libc.so.6")
            .Symlink("abs", "/lib/libc.so")
            .Symlink("up", "../../../../lib/libc.so"));

        Assert.Equal("usr/lib/libc.so.6", view.Resolve("lib/libc.so")!.Path);
        Assert.Equal("usr/lib/libc.so.6", view.Resolve("abs")!.Path);
        Assert.Equal("usr/lib/libc.so.6", view.Resolve("up")!.Path);
        Assert.Equal(EntryType.Symlink, view.Get("abs")!.Type);
        Assert.Equal("usr/lib/libc.so", view.Get("lib/libc.so")!.Path);
        Assert.Equal("libc", await ReadAsync(view, "abs"));
    }

    [Fact]
    public async Task Resolve_stops_a_symlink_loop_with_a_clear_exception()
    {
        var view = await BuildAsync(new TarBuilder().Symlink("a", "b").Symlink("b", "/a").Symlink("self", "self"));

        var loop = Assert.Throws<SymlinkLoopException>(() => view.Resolve("a"));
        Assert.Equal("a", loop.Path);
        Assert.Contains("'a'", loop.Message, StringComparison.Ordinal);
        Assert.Throws<SymlinkLoopException>(() => view.Resolve("self/x"));
    }

    [Fact]
    public async Task OpenReadAsync_names_the_path_that_is_missing_or_not_a_file()
    {
        var view = await BuildAsync(new TarBuilder().Directory("d").Symlink("dangling", "/nowhere"));
        var ct = TestContext.Current.CancellationToken;

        var missing = await Assert.ThrowsAsync<FileNotFoundInImageException>(() => view.OpenReadAsync("/x", ct));
        Assert.Equal("/x", missing.Path);
        var directory = await Assert.ThrowsAsync<FileNotFoundInImageException>(() => view.OpenReadAsync("d", ct));
        Assert.Contains("'d' is a directory", directory.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<FileNotFoundInImageException>(() => view.OpenReadAsync("dangling", ct));
    }

    [Fact]
    public async Task Every_layer_is_read_once_and_verified()
    {
        var layer = TestLayer.FromTar(new TarBuilder().File("a", "x").Build());
        var view = await FileSystemView.BuildAsync([layer], ExtractionLimits.Default,
            TestContext.Current.CancellationToken);

        Assert.Equal(1, layer.Opened);
        Assert.Equal(1, view.Count);
    }

    [Fact]
    public async Task Whiteouts_in_a_layer_apply_only_to_lower_layers()
    {
        var view = await BuildAsync(
            new TarBuilder().File("f", "old"),
            new TarBuilder().File("f", "new").Whiteout("f"));

        Assert.Equal("new", await ReadAsync(view, "f"));
    }

    [Fact]
    public async Task Content_is_read_back_byte_for_byte()
    {
        var data = new byte[300_000];
        new Random(7).NextBytes(data);
        var view = await BuildAsync(new TarBuilder().File("blob", data).File("after", "tail"));

        await using var stream = await view.OpenReadAsync("blob", TestContext.Current.CancellationToken);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
        Assert.Equal(data, copy.ToArray());
        Assert.Equal("tail", await ReadAsync(view, "after"));
        Assert.Equal(Encoding.UTF8.GetBytes("tail").Length, view.Get("after")!.Size);
    }
}
