using System.Security.Cryptography;
using Snello.Oci.Transports.Registry;

namespace Snello.Tests.Oci.Transports.Registry;

public sealed class BlobHandoffTests
{
    private static async Task<byte[]> DrainAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, 4096, cancellationToken);
        return buffer.ToArray();
    }

    [Fact]
    public async Task The_reader_gets_every_byte_the_download_reads_and_the_end_only_after_completion()
    {
        var ct = TestContext.Current.CancellationToken;
        var content = RandomNumberGenerator.GetBytes(300_000);
        var handoff = new BlobHandoff();
        var reader = handoff.Reader();

        var download = Task.Run(async () =>
        {
            await using var tee = handoff.Tee(new MemoryStream(content));
            var stored = await DrainAsync(tee, ct);
            handoff.Complete(null);
            return stored;
        }, ct);
        var read = await DrainAsync(reader, ct);

        Assert.Equal(content, read);
        Assert.Equal(content, await download);
    }

    [Fact]
    public async Task The_reader_sees_the_download_failure_instead_of_an_end()
    {
        var ct = TestContext.Current.CancellationToken;
        var handoff = new BlobHandoff();
        var reader = handoff.Reader();

        await using (var tee = handoff.Tee(new MemoryStream(new byte[10_000])))
        {
            await DrainAsync(tee, ct);
        }

        handoff.Complete(new IOException("digest mismatch at the end"));

        var e = await Assert.ThrowsAsync<IOException>(() => DrainAsync(reader, ct));
        Assert.Equal("digest mismatch at the end", e.Message);
    }

    [Fact]
    public async Task A_reader_that_stops_early_lets_the_download_finish_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        var content = new byte[4 << 20];
        var handoff = new BlobHandoff();
        var reader = handoff.Reader();
        var first = new byte[10];
        var download = Task.Run(async () =>
        {
            await using var tee = handoff.Tee(new MemoryStream(content));
            return (await DrainAsync(tee, ct)).Length;
        }, ct);

        await reader.ReadExactlyAsync(first, ct);
        await reader.DisposeAsync();

        Assert.Equal(content.Length, await download.WaitAsync(TimeSpan.FromMinutes(1), ct));
    }
}
