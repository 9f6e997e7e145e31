using System.Formats.Tar;
using Snello.Oci.FileSystems;
using Snello.Oci.Native;
using Snello.Tests.Support;

namespace Snello.Tests.Oci.FileSystems;

public sealed class RootfsExporterTests : IDisposable
{
    private static readonly DateTimeOffset Time = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TestImage SampleImage() => TestImage.Of(
        new TarBuilder()
            .Directory("bin").File("bin/busybox", "elf", 0b111_101_101).Hardlink("bin/sh", "bin/busybox")
            .Symlink("bin/ls", "busybox")
            .Directory("etc").File("etc/passwd", "root:x:0:0", 0b110_100_100, 0, 0).File("etc/old", "gone")
            .Directory("home").Directory("home/app").File("home/app/data", "d", 0b110_000_000, 1000, 1000)
            .File("usr/bin/sudo", "su", 0b100_111_101_101)
            .Fifo("run/fifo")
            .Device("dev/null", block: false, 1, 3),
        new TarBuilder()
            .Whiteout("etc/old")
            .Directory("ro", 0b101_101_101).File("ro/inside", "r"));

    private Task<ExportSummary> ExportAsync(TestImage image, ExportOptions? options = null) =>
        RootfsExporter.ExportToDirectoryAsync(image, _sandbox.Target, options ?? new ExportOptions(), Ct);

    private string On(string path) => Path.Combine(_sandbox.Target, path);

    [Fact]
    public async Task Export_writes_the_squashed_tree_with_links_modes_and_times()
    {
        var summary = await ExportAsync(SampleImage());

        Assert.Equal(["rootfs"], _sandbox.ParentListing());
        Assert.Equal("elf", await File.ReadAllTextAsync(On("bin/sh"), Ct));
        Assert.Equal(LibC.LStat(On("bin/busybox"))!.Value.Inode, LibC.LStat(On("bin/sh"))!.Value.Inode);
        Assert.Equal("busybox", new FileInfo(On("bin/ls")).LinkTarget);
        Assert.False(File.Exists(On("etc/old")));
        Assert.True(LibC.LStat(On("run/fifo"))!.Value.IsFifo);
        Assert.Equal(0b100_111_101_101, LibC.LStat(On("usr/bin/sudo"))!.Value.Permissions);
        Assert.Equal(0b101_101_101, LibC.LStat(On("ro"))!.Value.Permissions);
        Assert.Equal(Time, LibC.LStat(On("ro"))!.Value.ModificationTime);
        Assert.Equal(Time, LibC.LStat(On("etc/passwd"))!.Value.ModificationTime);
        Assert.Equal(0b111_101_101, LibC.LStat(_sandbox.Target)!.Value.Permissions);
        Assert.Equal((5, 9, 1, 1, 1, 1), (summary.Files, summary.Directories, summary.Symlinks, summary.Hardlinks,
            summary.Fifos, summary.DevicesSkipped));
        Assert.Equal(3 + 10 + 1 + 2 + 1, summary.BytesWritten);
    }

    [Fact]
    public async Task Export_sets_owners_when_running_as_root()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Skip("owners are only set when running as root");
        }

        await ExportAsync(SampleImage());

        var data = LibC.LStat(On("home/app/data"))!.Value;
        Assert.Equal((1000, 1000), (data.Uid, data.Gid));
        Assert.Equal(0b100_111_101_101, LibC.LStat(On("usr/bin/sudo"))!.Value.Permissions);
    }

    [Fact]
    public async Task Export_creates_device_nodes_with_the_devices_option_as_root()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Skip("device nodes can only be made as root");
        }

        var summary = await ExportAsync(SampleImage(), new ExportOptions { Devices = true });

        var node = LibC.LStat(On("dev/null"))!.Value;
        Assert.True(node.IsCharacterDevice);
        Assert.Equal((1, 3), (node.RdevMajor, node.RdevMinor));
        Assert.Equal((1, 0), (summary.Devices, summary.DevicesSkipped));
    }

    [Fact]
    public async Task Export_sets_xattrs_as_root_or_counts_the_failure()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Skip("xattrs are only set when running as root");
        }

        var image = TestImage.Of(new TarBuilder().FileWithXattrs("f", "x",
            new Dictionary<string, string> { ["user.snello"] = "yes" }));
        var summary = await ExportAsync(image);

        var values = LibC.ListXattrs(On("f"));
        Assert.Equal(1, summary.XattrsFailed + values.Count);
        if (values.Count == 1)
        {
            Assert.Equal("yes"u8.ToArray(), values["user.snello"]);
        }
    }

    [Fact]
    public async Task Export_into_an_existing_empty_directory_replaces_it()
    {
        Directory.CreateDirectory(_sandbox.Target);
        await ExportAsync(SampleImage());

        Assert.True(File.Exists(On("etc/passwd")));
        Assert.Equal(["rootfs"], _sandbox.ParentListing());
    }

    [Fact]
    public async Task Export_refuses_a_target_that_is_not_empty_and_leaves_it_alone()
    {
        Directory.CreateDirectory(_sandbox.Target);
        await File.WriteAllTextAsync(On("mine"), "keep", Ct);

        var error = await Assert.ThrowsAsync<ExportTargetException>(() => ExportAsync(SampleImage()));
        Assert.Equal(_sandbox.Target, error.Path);
        Assert.Equal(["mine"], Directory.EnumerateFileSystemEntries(_sandbox.Target).Select(Path.GetFileName));
        Assert.Equal(["rootfs"], _sandbox.ParentListing());
    }

    [Fact]
    public async Task Export_to_tar_holds_the_same_entries_as_the_view()
    {
        var image = SampleImage();
        var view = await FileSystemView.BuildAsync(image, ExtractionLimits.Default, Ct);
        using var output = new MemoryStream();
        var summary = await RootfsExporter.ExportToTarAsync(image, output, new ExportOptions(), Ct);

        output.Position = 0;
        var names = new List<string>();
        var contents = new Dictionary<string, string>();
        using (var reader = new TarReader(output, leaveOpen: true))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                names.Add(entry.Name.TrimEnd('/'));
                if (entry.EntryType == TarEntryType.HardLink)
                {
                    Assert.Equal("bin/busybox", entry.LinkName);
                }

                if (entry.DataStream is not null)
                {
                    contents[entry.Name] = new StreamReader(entry.DataStream).ReadToEnd();
                }
            }
        }

        var expected = view.Walk().Where(e => e.Type != EntryType.CharacterDevice).Select(e => e.Path);
        Assert.Equal(expected.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Equal("elf", contents["bin/busybox"]);
        Assert.Equal("r", contents["ro/inside"]);
        Assert.Equal(output.Length, summary.BytesWritten);
        Assert.Equal(1, summary.DevicesSkipped);
    }

    [Fact]
    public async Task Export_to_tar_includes_devices_with_the_devices_option()
    {
        using var output = new MemoryStream();
        await RootfsExporter.ExportToTarAsync(SampleImage(), output, new ExportOptions { Devices = true }, Ct);

        output.Position = 0;
        using var reader = new TarReader(output);
        var found = false;
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.Name == "dev/null")
            {
                var device = Assert.IsAssignableFrom<PosixTarEntry>(entry);
                Assert.Equal((TarEntryType.CharacterDevice, 1, 3),
                    (device.EntryType, device.DeviceMajor, device.DeviceMinor));
                found = true;
            }
        }

        Assert.True(found);
    }

    [Fact]
    public async Task Export_to_tar_fails_on_a_digest_mismatch()
    {
        var layer = TestLayer.Tampered(new TarBuilder().File("a", "good").Build(),
            new TarBuilder().File("a", "evil").Build());
        using var output = new MemoryStream();

        await Assert.ThrowsAsync<Snello.Oci.Digests.DigestMismatchException>(
            () => RootfsExporter.ExportToTarAsync(new TestImage(layer), output, new ExportOptions(), Ct));
        Assert.Equal(0, output.Length);
    }
}
