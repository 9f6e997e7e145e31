using Snello.Oci;
using Snello.Oci.Digests;
using Snello.Oci.Model;
using Snello.Oci.Transports;
using Snello.Oci.Transports.Oci;

namespace Snello.Tests.Oci.Transports;

public sealed class OciLayoutTests : IDisposable
{
    private readonly string _root =
        Path.Combine(Path.GetTempPath(), "snello-layout-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static Descriptor Manifest(int n) => new()
    {
        MediaType = MediaTypes.OciManifest,
        Digest = Digest.Compute(BitConverter.GetBytes(n)),
        Size = 4,
    };

    [Fact]
    public async Task Concurrent_tag_updates_all_land_in_index_json()
    {
        var layout = new OciLayout(_root);
        layout.Initialize();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => layout.AddManifestAsync(Manifest(i), $"tag{i}"))));

        var (index, _) = layout.ReadIndex();
        Assert.Equal(16, index.Manifests.Count);
        Assert.Equal(Enumerable.Range(0, 16).Select(i => $"tag{i}").Order(),
            index.Manifests.Select(m => m.Annotation(OciLayout.RefNameAnnotation)!).Order());
    }

    [Fact]
    public async Task Adding_an_existing_tag_replaces_its_entry()
    {
        var layout = new OciLayout(_root);
        layout.Initialize();
        await layout.AddManifestAsync(Manifest(1), "latest");
        await layout.AddManifestAsync(Manifest(2), "latest");
        var (index, _) = layout.ReadIndex();
        Assert.Equal(Manifest(2).Digest, Assert.Single(index.Manifests).Digest);
    }

    [Fact]
    public async Task WriteBlobAsync_verifies_content_and_leaves_no_partial_file_on_mismatch()
    {
        var layout = new OciLayout(_root);
        layout.Initialize();
        var descriptor = new Descriptor { MediaType = MediaTypes.OciLayer, Digest = Digest.Compute("a"u8), Size = 1 };
        await Assert.ThrowsAsync<DigestMismatchException>(() => layout.WriteBlobAsync(descriptor, "b"u8.ToArray()));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "blobs", "sha256")));
    }

    [Fact]
    public async Task Reading_without_a_tag_from_a_layout_of_several_tags_lists_them()
    {
        var layout = new OciLayout(_root);
        layout.Initialize();
        await layout.AddManifestAsync(Manifest(1), "one");
        await layout.AddManifestAsync(Manifest(2), "two");
        await using var reader = new OciLayoutReader(ImageLocation.Parse($"oci:{_root}"));
        var e = await Assert.ThrowsAsync<ImageFormatException>(() => reader.ReadAsync());
        Assert.Contains("'one', 'two'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writer_refuses_a_folder_that_is_not_a_layout()
    {
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(Path.Combine(_root, "notes.txt"), "mine");
        var writer = new OciLayoutWriter(ImageLocation.Parse($"oci:{_root}:x"));
        var e = await Assert.ThrowsAsync<ImageFormatException>(() =>
            writer.WriteAsync(new Snello.Oci.Mutations.MemoryIndex(
                new ImageIndex { Manifests = [] }, [])));
        Assert.Contains("is not an OCI layout", e.Message, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }
}
