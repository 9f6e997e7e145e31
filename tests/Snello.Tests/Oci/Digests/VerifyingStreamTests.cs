using Snello.Oci;
using Snello.Oci.Digests;

namespace Snello.Tests.Oci.Digests;

public sealed class VerifyingStreamTests
{
    private static readonly byte[] Content = "layer content, twenty-nine b"u8.ToArray();

    private static readonly Digest ContentDigest = Digest.Compute(Content);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_stream_with_the_promised_content_reads_to_the_end_without_error(bool sizeKnown)
    {
        using var verifying = new VerifyingStream(new TrickleStream(Content, 5), ContentDigest,
            sizeKnown ? Content.Length : -1, "layer");
        using var copy = new MemoryStream();

        await verifying.CopyToAsync(copy, TestContext.Current.CancellationToken);

        Assert.Equal(Content, copy.ToArray());
        Assert.Equal(Content.Length, verifying.BytesRead);
    }

    [Fact]
    public void A_good_stream_also_verifies_through_synchronous_reads()
    {
        using var verifying = new VerifyingStream(new MemoryStream(Content), ContentDigest, Content.Length, "blob");
        using var copy = new MemoryStream();

        verifying.CopyTo(copy);

        Assert.Equal(Content, copy.ToArray());
    }

    [Fact]
    public async Task Wrong_content_of_the_right_size_throws_naming_both_digests()
    {
        var wrong = (byte[])Content.Clone();
        wrong[0] ^= 1;
        var actual = Digest.Compute(wrong);
        using var verifying = new VerifyingStream(new MemoryStream(wrong), ContentDigest, Content.Length, "layer");

        var error = await Assert.ThrowsAsync<DigestMismatchException>(
            () => verifying.CopyToAsync(Stream.Null, TestContext.Current.CancellationToken));

        Assert.Equal(ContentDigest, error.Expected);
        Assert.Equal(actual, error.Actual);
        Assert.Equal($"layer '{ContentDigest}' has digest '{actual}', expected '{ContentDigest}'", error.Message);
        Assert.IsAssignableFrom<ImageFormatException>(error);
    }

    [Fact]
    public async Task A_short_stream_throws_naming_the_digest_and_both_sizes()
    {
        using var verifying = new VerifyingStream(new MemoryStream(Content[..^3]), ContentDigest, Content.Length,
            "config");

        var error = await Assert.ThrowsAsync<DigestMismatchException>(
            () => verifying.CopyToAsync(Stream.Null, TestContext.Current.CancellationToken));

        Assert.Equal(ContentDigest, error.Expected);
        Assert.Equal(
            $"config '{ContentDigest}' has {Content.Length - 3} bytes, expected {Content.Length}", error.Message);
    }

    [Fact]
    public async Task A_long_stream_throws_as_soon_as_it_passes_the_promised_size()
    {
        // Five bytes a read: the stream is refused at byte 30 of 1,028, and the message says "at least".
        byte[] longer = [.. Content, .. new byte[1000]];
        using var verifying = new VerifyingStream(new TrickleStream(longer, 5), ContentDigest, Content.Length,
            "blob");

        var error = await Assert.ThrowsAsync<DigestMismatchException>(
            () => verifying.CopyToAsync(Stream.Null, TestContext.Current.CancellationToken));

        Assert.Equal(ContentDigest, error.Expected);
        Assert.Equal($"blob '{ContentDigest}' has at least 30 bytes, expected {Content.Length}", error.Message);
        Assert.Equal(30, verifying.BytesRead);
    }

    [Fact]
    public async Task A_long_stream_of_unknown_size_throws_naming_both_digests()
    {
        byte[] longer = [.. Content, .. "extra"u8];
        using var verifying = new VerifyingStream(new MemoryStream(longer), ContentDigest, -1, "blob");

        var error = await Assert.ThrowsAsync<DigestMismatchException>(
            () => verifying.CopyToAsync(Stream.Null, TestContext.Current.CancellationToken));

        Assert.Equal(Digest.Compute(longer), error.Actual);
        Assert.Contains(ContentDigest.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(Digest.Compute(longer).ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_of_zero_bytes_is_not_mistaken_for_the_end_of_the_stream()
    {
        using var verifying = new VerifyingStream(new MemoryStream(Content[..^3]), ContentDigest, Content.Length,
            "blob");

        Assert.Equal(0, verifying.Read([], 0, 0));
        Assert.Equal(0, verifying.BytesRead);
    }

    [Fact]
    public void A_sha512_digest_is_verified_with_sha512()
    {
        var digest = Digest.Compute(Content, Digest.Sha512);
        using var verifying = new VerifyingStream(new MemoryStream(Content), digest, Content.Length, "blob");

        verifying.CopyTo(Stream.Null);

        Assert.Equal(Content.Length, verifying.BytesRead);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Dispose_closes_the_inner_stream_unless_asked_to_leave_it_open(bool leaveOpen)
    {
        var inner = new MemoryStream(Content);

        new VerifyingStream(inner, ContentDigest, Content.Length, "blob", leaveOpen).Dispose();

        Assert.Equal(leaveOpen, inner.CanRead);
    }
}
