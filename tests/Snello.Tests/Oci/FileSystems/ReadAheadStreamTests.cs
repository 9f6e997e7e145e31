using Snello.Oci.FileSystems;

namespace Snello.Tests.Oci.FileSystems;

public sealed class ReadAheadStreamTests
{
    /// <summary>Yields its bytes, then throws instead of reporting its end, as a failed digest does.</summary>
    private sealed class FailingAtEndStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(Span<byte> buffer)
        {
            var n = base.Read(buffer);
            return n > 0 ? n : throw new InvalidDataException("digest mismatch at the end");
        }
    }

    private sealed class CountingStream(byte[] data) : MemoryStream(data)
    {
        public long Total { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            var n = base.Read(buffer);
            Total += n;
            return n;
        }
    }

    private static byte[] Pattern(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7))];

    [Fact]
    public void Reads_every_byte_in_order_across_chunks()
    {
        var data = Pattern(3_000_001);
        using var ahead = new ReadAheadStream(new MemoryStream(data));
        using var copy = new MemoryStream();

        var buffer = new byte[4093];
        int n;
        while ((n = ahead.Read(buffer)) > 0)
        {
            copy.Write(buffer, 0, n);
        }

        Assert.Equal(data, copy.ToArray());
        Assert.Equal(0, ahead.Read(buffer));
    }

    [Fact]
    public void What_the_source_throws_at_its_end_reaches_the_reader_after_the_data()
    {
        var data = Pattern(100_000);
        using var ahead = new ReadAheadStream(new FailingAtEndStream(data));

        var read = new byte[data.Length + 1];
        var filled = 0;
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            while (true)
            {
                var n = ahead.Read(read.AsSpan(filled));
                filled += n;
                if (n == 0)
                {
                    return;
                }
            }
        });

        Assert.Equal("digest mismatch at the end", error.Message);
        Assert.Equal(data, read[..filled]);
    }

    [Fact]
    public void Disposing_before_the_end_stops_the_reading_thread()
    {
        var source = new CountingStream(Pattern(50_000_000));
        var ahead = new ReadAheadStream(source);
        Assert.True(ahead.Read(new byte[10]) > 0);

        ahead.Dispose();

        Assert.False(source.CanRead);
        Assert.True(source.Total < 10_000_000, $"read ahead {source.Total} bytes");
    }
}
