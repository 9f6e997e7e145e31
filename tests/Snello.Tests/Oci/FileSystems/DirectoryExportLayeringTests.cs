using Snello.Oci.FileSystems;
using Snello.Oci.Native;
using Snello.Tests.Support;

namespace Snello.Tests.Oci.FileSystems;

/// <summary>
/// The directory export applies each layer as it reads it; these layers change earlier ones in every way
/// OCI layer.md allows, and the disk must end up holding what the view holds.
/// </summary>
public sealed class DirectoryExportLayeringTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string On(string path) => Path.Combine(_sandbox.Target, path);

    private async Task ExportAsync(TestImage image) =>
        await RootfsExporter.ExportToDirectoryAsync(image, _sandbox.Target, new ExportOptions(), Ct);

    /// <summary>Every path on disk under the target with a letter for its kind, sorted.</summary>
    private List<string> DiskListing()
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(_sandbox.Target);
        while (pending.TryPop(out var directory))
        {
            foreach (var child in Directory.EnumerateFileSystemEntries(directory))
            {
                var status = LibC.LStat(child)!.Value;
                var kind = status.IsDirectory ? "d" : status.IsSymlink ? "l" : status.IsFifo ? "p" : "f";
                found.Add($"{Path.GetRelativePath(_sandbox.Target, child)} {kind}");
                if (status.IsDirectory)
                {
                    pending.Push(child);
                }
            }
        }

        return [.. found.Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> ViewListingAsync(TestImage image)
    {
        var view = await FileSystemView.BuildAsync(image, ExtractionLimits.Default, Ct);
        return [.. view.Walk().Select(e => $"{e.Path} " + e.Type switch
        {
            EntryType.Directory => "d",
            EntryType.Symlink => "l",
            EntryType.Fifo => "p",
            _ => "f",
        }).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task A_member_read_before_its_own_layers_opaque_marker_survives_it()
    {
        var image = TestImage.Of(
            new TarBuilder().Directory("a").File("a/lower", "l").Directory("a/sub").File("a/sub/deep", "d"),
            new TarBuilder().Directory("a").File("a/.bashrc", "mine").File("a/sub/new", "n").Opaque("a"));
        await ExportAsync(image);

        Assert.Equal(await ViewListingAsync(image), DiskListing());
        Assert.Equal(["a d", "a/.bashrc f", "a/sub d", "a/sub/new f"], DiskListing());
        Assert.Equal("mine", await File.ReadAllTextAsync(On("a/.bashrc"), Ct));
    }

    [Fact]
    public async Task A_member_read_before_its_own_layers_whiteout_of_that_name_survives_it()
    {
        var image = TestImage.Of(
            new TarBuilder().File("b", "old").Directory("d").File("d/x", "x"),
            new TarBuilder().File("b", "new").Whiteout("b").Directory("d").File("d/y", "y").Whiteout("d"));
        await ExportAsync(image);

        Assert.Equal(await ViewListingAsync(image), DiskListing());
        Assert.Equal(["b f", "d d", "d/y f"], DiskListing());
        Assert.Equal("new", await File.ReadAllTextAsync(On("b"), Ct));
    }

    [Fact]
    public async Task A_directory_replaced_by_a_file_loses_its_whole_subtree_on_disk()
    {
        var image = TestImage.Of(
            new TarBuilder().Directory("d").File("d/f", "f").Directory("d/sub").Symlink("d/sub/link", "/")
                .File("d/sub/g", "g"),
            new TarBuilder().File("d", "now a file"));
        await ExportAsync(image);

        Assert.Equal(["d f"], DiskListing());
        Assert.Equal("now a file", await File.ReadAllTextAsync(On("d"), Ct));
    }

    [Fact]
    public async Task A_file_replaced_by_a_directory_and_a_whiteout_of_a_lower_subtree_match_the_view()
    {
        var image = TestImage.Of(
            new TarBuilder().File("x", "file").Directory("gone").File("gone/a", "a").Fifo("pipe"),
            new TarBuilder().Directory("x").File("x/inside", "i").Whiteout("gone").Symlink("pipe", "x"));
        await ExportAsync(image);

        Assert.Equal(await ViewListingAsync(image), DiskListing());
        Assert.Equal(["pipe l", "x d", "x/inside f"], DiskListing());
    }

    [Fact]
    public async Task A_hard_link_keeps_the_old_content_when_a_later_layer_replaces_its_target()
    {
        var image = TestImage.Of(
            new TarBuilder().File("a", "one").Hardlink("b", "a"),
            new TarBuilder().File("a", "two"));
        await ExportAsync(image);

        Assert.Equal("two", await File.ReadAllTextAsync(On("a"), Ct));
        Assert.Equal("one", await File.ReadAllTextAsync(On("b"), Ct));
        Assert.NotEqual(LibC.LStat(On("a"))!.Value.Inode, LibC.LStat(On("b"))!.Value.Inode);
    }

    [Fact]
    public async Task A_hard_link_in_a_later_layer_links_to_the_file_a_lower_layer_wrote()
    {
        var image = TestImage.Of(
            new TarBuilder().Directory("bin").File("bin/busybox", "elf", 0b111_101_101),
            new TarBuilder().Hardlink("bin/sh", "bin/busybox"));
        await ExportAsync(image);

        Assert.Equal(LibC.LStat(On("bin/busybox"))!.Value.Inode, LibC.LStat(On("bin/sh"))!.Value.Inode);
        Assert.Equal(0b111_101_101, LibC.LStat(On("bin/sh"))!.Value.Permissions);
    }

    [Fact]
    public async Task Modes_the_umask_would_strip_and_setuid_bits_are_set_exactly()
    {
        var image = TestImage.Of(new TarBuilder().File("open", "o", 0b111_111_111).File("suid", "s", 0b100_111_101_101)
            .File("plain", "p", 0b110_100_100).File("secret", "x", 0));
        await ExportAsync(image);

        Assert.Equal(0b111_111_111, LibC.LStat(On("open"))!.Value.Permissions);
        Assert.Equal(0b100_111_101_101, LibC.LStat(On("suid"))!.Value.Permissions);
        Assert.Equal(0b110_100_100, LibC.LStat(On("plain"))!.Value.Permissions);
        Assert.Equal(0, LibC.LStat(On("secret"))!.Value.Permissions);
    }
}
