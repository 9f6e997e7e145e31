using Snello.Oci.Caching;
using Snello.Oci.Digests;
using Snello.Oci.Model;

namespace Snello.Tests.Oci.Caching;

public sealed class BlobCacheTests : IDisposable
{
    private readonly string _root =
        Path.Combine(Path.GetTempPath(), "snello-cache-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static Descriptor Describe(byte[] data) =>
        new() { MediaType = MediaTypes.OciLayer, Digest = Digest.Compute(data), Size = data.Length };

    [Fact]
    public async Task PutAsync_stores_a_blob_under_its_digest_and_TryOpen_reads_it_back()
    {
        var cache = new BlobCache(_root);
        var data = "layer bytes"u8.ToArray();
        var path = await cache.PutAsync(Describe(data), new MemoryStream(data));
        Assert.EndsWith(Digest.Compute(data).Encoded, path, StringComparison.Ordinal);

        using var stream = cache.TryOpen(Describe(data))!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(data, copy.ToArray());
    }

    [Fact]
    public async Task PutAsync_refuses_content_that_does_not_match_and_keeps_nothing()
    {
        var cache = new BlobCache(_root);
        var descriptor = Describe("expected"u8.ToArray());
        await Assert.ThrowsAsync<DigestMismatchException>(() =>
            cache.PutAsync(descriptor with { Size = 6 }, new MemoryStream("actual"u8.ToArray())));
        Assert.False(cache.Contains(descriptor.Digest));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "tmp")));
    }

    [Fact]
    public async Task Concurrent_writers_of_the_same_blob_leave_one_whole_blob()
    {
        var cache = new BlobCache(_root);
        var data = new byte[3 << 20];
        new Random(7).NextBytes(data);
        var descriptor = Describe(data);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => cache.PutAsync(descriptor, new MemoryStream(data)))));

        Assert.Equal(data.Length, new FileInfo(cache.PathOf(descriptor.Digest)).Length);
        Assert.Single(cache.List());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "tmp")));
    }

    [Fact]
    public async Task Prune_removes_least_recently_used_blobs_down_to_the_limit()
    {
        var cache = new BlobCache(_root);
        var old = new byte[1000];
        var recent = new byte[1000];
        recent[0] = 1;
        await cache.PutAsync(Describe(old), new MemoryStream(old));
        await cache.PutAsync(Describe(recent), new MemoryStream(recent));
        File.SetLastWriteTimeUtc(cache.PathOf(Describe(old).Digest), DateTime.UtcNow.AddDays(-3));

        var removed = cache.Prune(1500);
        Assert.Equal([Describe(old).Digest], removed.Select(e => e.Digest));
        Assert.True(cache.Contains(Describe(recent).Digest));
        Assert.Equal(2, cache.Prune(0).Count + 1);
    }

    [Fact]
    public async Task PutWrittenAsync_returns_the_digest_of_what_was_written()
    {
        var cache = new BlobCache(_root);
        var (digest, size, path) = await cache.PutWrittenAsync((s, ct) => s.WriteAsync("abc"u8.ToArray(), ct).AsTask());
        Assert.Equal(Digest.Compute("abc"u8), digest);
        Assert.Equal(3, size);
        Assert.Equal("abc", await File.ReadAllTextAsync(path));
    }
}
