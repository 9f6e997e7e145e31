using System.Text;
using Snello.Oci;
using Snello.Oci.Digests;
using Snello.Oci.FileSystems;
using Snello.Oci.Images;
using Snello.Oci.Native;
using Snello.Tests.Support;

namespace Snello.Tests.Oci.FileSystems;

/// <summary>
/// Layers written to break out of the export target or to exhaust the reader. Each export runs in a fresh
/// parent folder, and afterwards that folder holds the finished target or nothing at all.
/// </summary>
public sealed class HostileLayerTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<ExportSummary> ExportAsync(IImage image, ExportOptions? options = null) =>
        RootfsExporter.ExportToDirectoryAsync(image, _sandbox.Target, options ?? new ExportOptions(), Ct);

    private void AssertOnlyTargetInParent() => Assert.Equal(["rootfs"], _sandbox.ParentListing());

    private void AssertParentEmpty() => Assert.Empty(_sandbox.ParentListing());

    [Fact]
    public async Task Dot_dot_traversal_is_clamped_at_the_root()
    {
        await ExportAsync(TestImage.Of(new TarBuilder().File("../../escape", "x").File("a/../../../b", "y")));

        AssertOnlyTargetInParent();
        Assert.Equal("x", await File.ReadAllTextAsync(Path.Combine(_sandbox.Target, "escape"), Ct));
        Assert.Equal("y", await File.ReadAllTextAsync(Path.Combine(_sandbox.Target, "b"), Ct));
    }

    [Fact]
    public async Task Absolute_paths_land_inside_the_root()
    {
        var image = TestImage.Of(new TarBuilder().File("/abs/file", "x"));
        var view = await FileSystemView.BuildAsync(image, ExtractionLimits.Default, Ct);
        await ExportAsync(image);

        Assert.Equal("abs/file", view.Get("abs/file")!.Path);
        AssertOnlyTargetInParent();
        Assert.True(File.Exists(Path.Combine(_sandbox.Target, "abs", "file")));
    }

    [Fact]
    public async Task Member_under_an_absolute_symlink_lands_where_the_link_points_inside_the_root()
    {
        var image = TestImage.Of(new TarBuilder().Symlink("evil", "/etc").File("evil/passwd", "owned"));
        var view = await FileSystemView.BuildAsync(image, ExtractionLimits.Default, Ct);
        await ExportAsync(image);

        Assert.Equal(["etc", "etc/passwd", "evil"], view.Walk().Select(e => e.Path));
        AssertOnlyTargetInParent();
        Assert.Equal("owned", await File.ReadAllTextAsync(Path.Combine(_sandbox.Target, "etc", "passwd"), Ct));
        Assert.Equal("/etc", new FileInfo(Path.Combine(_sandbox.Target, "evil")).LinkTarget);
    }

    [Fact]
    public async Task Member_under_a_relative_symlink_that_climbs_out_stays_inside()
    {
        var image = TestImage.Of(
            new TarBuilder().Symlink("up", "../../../.."),
            new TarBuilder().File("up/outside", "x").File("up/../sibling", "y"));
        await ExportAsync(image);

        AssertOnlyTargetInParent();
        Assert.True(File.Exists(Path.Combine(_sandbox.Target, "outside")));
        Assert.True(File.Exists(Path.Combine(_sandbox.Target, "sibling")));
    }

    [Fact]
    public async Task Symlink_chain_in_a_parent_is_followed_and_a_loop_is_refused_leaving_nothing()
    {
        var chain = TestImage.Of(new TarBuilder().Directory("real").Symlink("one", "two").Symlink("two", "/real")
            .File("one/file", "x"));
        var view = await FileSystemView.BuildAsync(chain, ExtractionLimits.Default, Ct);
        Assert.NotNull(view.Get("real/file"));

        var loop = TestImage.Of(new TarBuilder().Symlink("a", "b").Symlink("b", "a").File("a/x", "x"));
        await Assert.ThrowsAsync<SymlinkLoopException>(() => ExportAsync(loop));
        AssertParentEmpty();
    }

    [Fact]
    public async Task Hardlink_escape_is_normalised_into_the_root()
    {
        var image = TestImage.Of(new TarBuilder().Directory("etc").File("etc/shadow", "image shadow")
            .Hardlink("stolen", "../../etc/shadow"));
        await ExportAsync(image);

        AssertOnlyTargetInParent();
        Assert.Equal("image shadow", await File.ReadAllTextAsync(Path.Combine(_sandbox.Target, "stolen"), Ct));
        var stolen = LibC.LStat(Path.Combine(_sandbox.Target, "stolen"))!.Value;
        var shadow = LibC.LStat(Path.Combine(_sandbox.Target, "etc", "shadow"))!.Value;
        Assert.Equal(shadow.Inode, stolen.Inode);
    }

    [Fact]
    public async Task Hardlink_to_a_file_outside_the_image_is_refused_naming_the_layer()
    {
        var image = TestImage.Of(new TarBuilder().Hardlink("stolen", "../../etc/shadow"));

        var error = await Assert.ThrowsAsync<ImageFormatException>(() => ExportAsync(image));
        Assert.Contains(image.Layers[0].Descriptor.Digest.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("'etc/shadow'", error.Message, StringComparison.Ordinal);
        AssertParentEmpty();
    }

    [Fact]
    public async Task Device_nodes_are_skipped_without_the_devices_option()
    {
        var image = TestImage.Of(new TarBuilder().Device("dev/sda", block: true, 8, 0)
            .Device("dev/kmsg", block: false, 1, 11).File("f", "x"));
        var summary = await ExportAsync(image);

        Assert.Equal(2, summary.DevicesSkipped);
        Assert.Equal(0, summary.Devices);
        Assert.False(File.Exists(Path.Combine(_sandbox.Target, "dev", "sda")));
        Assert.Null(LibC.LStat(Path.Combine(_sandbox.Target, "dev", "kmsg")));
    }

    [Fact]
    public async Task A_header_that_promises_more_content_than_there_is_fails_naming_the_layer()
    {
        var tar = RawTar.HeaderThen(new FileEntry { Path = "big", Type = EntryType.RegularFile, Size = 1_000_000 },
            new byte[1000]);
        var image = new TestImage(TestLayer.FromTar(tar));

        var error = await Assert.ThrowsAsync<ImageFormatException>(() => ExportAsync(image));
        Assert.Contains(image.Layers[0].Descriptor.Digest.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("'big'", error.Message, StringComparison.Ordinal);
        AssertParentEmpty();
    }

    [Fact]
    public async Task A_gzip_bomb_stops_early_at_the_size_limit()
    {
        var header = RawTar.HeaderThen(new FileEntry
        {
            Path = "zeros",
            Type = EntryType.RegularFile,
            Size = 10_000_000_000,
        }, []);
        GzipBombStream? bomb = null;
        var layer = TestLayer.Unverified(() => bomb = new GzipBombStream(header, 10_000_000_000));
        var options = new ExportOptions { Limits = new ExtractionLimits { MaxUncompressedBytes = 8 << 20 } };

        var error = await Assert.ThrowsAsync<LimitExceededException>(() => ExportAsync(new TestImage(layer), options));
        Assert.Equal("--max-size", error.Option);
        Assert.Equal(8 << 20, error.Limit);
        Assert.Contains("--max-size", error.Message, StringComparison.Ordinal);
        Assert.True(bomb!.Fed < 64 << 20, $"the bomb was inflated to {bomb.Fed} bytes");
        AssertParentEmpty();
    }

    [Fact]
    public async Task Zeros_after_the_end_of_the_archive_are_bounded_too()
    {
        var tar = new TarBuilder().File("a", "x").Build();
        GzipBombStream? bomb = null;
        var layer = TestLayer.Unverified(() => bomb = new GzipBombStream(tar, 10_000_000_000));
        var limits = new ExtractionLimits { MaxUncompressedBytes = 4 << 20 };

        await Assert.ThrowsAsync<LimitExceededException>(
            () => FileSystemView.BuildAsync(new TestImage(layer), limits, Ct));
        Assert.True(bomb!.Fed < 64 << 20);
    }

    [Fact]
    public async Task Too_many_entries_stop_at_the_entry_limit()
    {
        var builder = new TarBuilder();
        for (var i = 0; i < 50; i++)
        {
            builder.File($"f{i}", string.Empty);
        }

        var limits = new ExtractionLimits { MaxEntries = 20 };
        var error = await Assert.ThrowsAsync<LimitExceededException>(
            () => FileSystemView.BuildAsync(TestImage.Of(builder), limits, Ct));
        Assert.Equal("--max-entries", error.Option);
        Assert.Contains("entry count limit of 20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_that_is_not_a_tar_fails_naming_the_layer()
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("this is not a tar archive. ", 100)));
        var image = new TestImage(TestLayer.FromTar(text));

        var error = await Assert.ThrowsAsync<ImageFormatException>(() => ExportAsync(image));
        Assert.Contains(image.Layers[0].Descriptor.Digest.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("not a well-formed tar", error.Message, StringComparison.Ordinal);
        AssertParentEmpty();
    }

    [Fact]
    public async Task A_truncated_gzip_stream_fails_naming_the_layer()
    {
        var gzip = TestLayer.Gzip(new TarBuilder().File("a", new byte[100_000]).Build());
        var truncated = gzip[..(gzip.Length / 2)];
        var layer = TestLayer.Unverified(() => new MemoryStream(truncated));

        var error = await Assert.ThrowsAsync<ImageFormatException>(
            () => FileSystemView.BuildAsync(new TestImage(layer), ExtractionLimits.Default, Ct));
        Assert.Contains(layer.Descriptor.Digest.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_mismatch_leaves_no_output_and_names_both_digests()
    {
        var honest = new TarBuilder().File("a", "good").Build();
        var forged = new TarBuilder().File("a", "evil").Build();
        var layer = TestLayer.Tampered(honest, forged);
        var image = new TestImage(TestLayer.FromTar(new TarBuilder().File("base", "x").Build()), layer);

        var error = await Assert.ThrowsAsync<DigestMismatchException>(() => ExportAsync(image));
        Assert.Equal(layer.Descriptor.Digest, error.Expected);
        Assert.Contains($"'{error.Expected}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{error.Actual}'", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(error.Expected, error.Actual);
        AssertParentEmpty();
    }

    [Fact]
    public async Task A_directory_export_reads_each_layer_once_so_a_later_change_cannot_reach_it()
    {
        var layer = TestLayer.ChangingAfterFirstRead(new TarBuilder().File("a", "good").Build(),
            new TarBuilder().File("a", "evil").Build());

        await ExportAsync(new TestImage(layer));

        Assert.Equal("good", await File.ReadAllTextAsync(Path.Combine(_sandbox.Target, "a"), Ct));
        AssertOnlyTargetInParent();
    }

    [Fact]
    public async Task A_file_replaced_by_a_symlink_is_never_written_through_when_a_file_comes_back()
    {
        var outside = Path.Combine(_sandbox.Parent, "outside");
        var image = TestImage.Of(
            new TarBuilder().Directory("etc").File("etc/conf", "one"),
            new TarBuilder().Symlink("etc/conf", outside),
            new TarBuilder().File("etc/conf", "three"));
        await ExportAsync(image);

        AssertOnlyTargetInParent();
        var conf = Path.Combine(_sandbox.Target, "etc", "conf");
        Assert.False(LibC.LStat(conf)!.Value.IsSymlink);
        Assert.Equal("three", await File.ReadAllTextAsync(conf, Ct));
    }

    [Fact]
    public async Task A_symlink_left_by_a_lower_layer_never_redirects_a_later_member()
    {
        var outside = Path.Combine(_sandbox.Parent, "outside");
        Directory.CreateDirectory(outside);
        var image = TestImage.Of(
            new TarBuilder().Symlink("lib", outside),
            new TarBuilder().File("lib/evil", "x"));
        await ExportAsync(image);

        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        Assert.Equal(outside, new FileInfo(Path.Combine(_sandbox.Target, "lib")).LinkTarget);
        Directory.Delete(outside);
        AssertOnlyTargetInParent();
    }

    [Fact]
    public async Task A_tar_export_whose_layer_changes_throws_after_partial_output()
    {
        var layer = TestLayer.ChangingAfterFirstRead(
            new TarBuilder().Directory("d").Symlink("link", "d").File("a", "good").Build(),
            new TarBuilder().Directory("d").Symlink("link", "d").File("a", "evil").Build());
        using var output = new MemoryStream();

        await Assert.ThrowsAsync<DigestMismatchException>(
            () => RootfsExporter.ExportToTarAsync(new TestImage(layer), output, new ExportOptions(), Ct));
        Assert.True(output.Length > 0);
    }

    [Fact]
    public async Task A_member_with_an_empty_name_is_refused()
    {
        var tar = RawTar.Of((new FileEntry { Path = string.Empty, Type = EntryType.RegularFile }, null));
        var image = new TestImage(TestLayer.FromTar(tar));

        var error = await Assert.ThrowsAsync<ImageFormatException>(
            () => FileSystemView.BuildAsync(image, ExtractionLimits.Default, Ct));
        Assert.Contains("expected a non-empty path", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\0b")]
    [InlineData("")]
    public void Names_with_nul_or_nothing_in_them_are_not_paths(string raw)
    {
        Assert.Null(TarPaths.Normalize(raw));
    }

    [Theory]
    [InlineData("../../etc/passwd", "etc/passwd")]
    [InlineData("/usr//bin/./env", "usr/bin/env")]
    [InlineData("./", "")]
    [InlineData("a/b/../../..", "")]
    [InlineData("a/..b/c", "a/..b/c")]
    public void Paths_are_normalised_lexically_and_clamped_at_the_root(string raw, string expected)
    {
        Assert.Equal(expected, TarPaths.Normalize(raw));
    }

    [Fact]
    public async Task A_directory_over_an_earlier_symlink_replaces_the_link_on_disk()
    {
        var image = TestImage.Of(
            new TarBuilder().Symlink("etc", "/outside"),
            new TarBuilder().Directory("etc").File("etc/x", "x"));
        await ExportAsync(image);

        AssertOnlyTargetInParent();
        var etc = LibC.LStat(Path.Combine(_sandbox.Target, "etc"))!.Value;
        Assert.True(etc.IsDirectory);
        Assert.True(File.Exists(Path.Combine(_sandbox.Target, "etc", "x")));
    }
}
