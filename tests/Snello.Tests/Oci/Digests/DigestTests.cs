using System.Text;
using Snello.Oci.Digests;

namespace Snello.Tests.Oci.Digests;

public sealed class DigestTests
{
    private const string EmptySha256 = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private const string EmptySha512 = "sha512:cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce" +
        "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";

    private const string AbcSha256 = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private const string Hex64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void Compute_of_empty_input_is_the_well_known_sha256()
    {
        Assert.Equal(EmptySha256, Digest.Compute([]).ToString());
    }

    [Fact]
    public void Compute_of_empty_input_with_sha512_is_the_well_known_sha512()
    {
        Assert.Equal(EmptySha512, Digest.Compute([], Digest.Sha512).ToString());
    }

    [Fact]
    public void Compute_of_abc_matches_the_fips_180_test_vector()
    {
        Assert.Equal(AbcSha256, Digest.Compute("abc"u8).ToString());
    }

    [Fact]
    public void Compute_with_an_unsupported_algorithm_throws_naming_it()
    {
        var error = Assert.Throws<NotSupportedException>(() => Digest.Compute([], "sha384"));

        Assert.Contains("'sha384'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Digest.Sha256)]
    [InlineData(Digest.Sha512)]
    public async Task ComputeAsync_over_a_stream_equals_Compute_over_its_bytes(string algorithm)
    {
        // Longer than the read buffer, and delivered in odd-sized pieces, so several reads are hashed.
        var data = new byte[300_001];
        new Random(7).NextBytes(data);
        using var stream = new TrickleStream(data, 4093);

        var streamed = await Digest.ComputeAsync(stream, algorithm, TestContext.Current.CancellationToken);

        Assert.Equal(Digest.Compute(data, algorithm), streamed);
        Assert.Equal(algorithm, streamed.Algorithm);
    }

    [Fact]
    public async Task ComputeAsync_with_an_unsupported_algorithm_throws()
    {
        using var stream = new MemoryStream();

        await Assert.ThrowsAsync<NotSupportedException>(
            () => Digest.ComputeAsync(stream, "md5", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(EmptySha256, "sha256", true)]
    [InlineData(EmptySha512, "sha512", true)]
    [InlineData("sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564", "sha256+b64u", false)]
    [InlineData("multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8", "multihash+base58", false)]
    [InlineData("blake3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262", "blake3", false)]
    [InlineData("a.b_c-d:x=", "a.b_c-d", false)]
    public void Parse_accepts_the_grammar_of_the_oci_descriptor_spec(string text, string algorithm, bool verifiable)
    {
        var digest = Digest.Parse(text);

        Assert.Equal(algorithm, digest.Algorithm);
        Assert.Equal(text[(algorithm.Length + 1)..], digest.Encoded);
        Assert.Equal(verifiable, digest.IsVerifiable);
        Assert.Equal(text, digest.ToString());
        Assert.True(Digest.TryParse(text, out var again));
        Assert.Equal(digest, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256")]
    [InlineData("sha256:")]
    [InlineData(":" + Hex64)]
    [InlineData("sha256:abc")]
    [InlineData("sha256:" + Hex64 + "0")]
    [InlineData("sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg")]
    [InlineData("sha512:" + Hex64)]
    [InlineData("SHA256:" + Hex64)]
    [InlineData("-sha:abc")]
    [InlineData("sha-:abc")]
    [InlineData("a..b:abc")]
    [InlineData("foo:bar!baz")]
    [InlineData("foo:bar/baz")]
    public void Parse_rejects_malformed_digests_quoting_them(string text)
    {
        var error = Assert.Throws<FormatException>(() => Digest.Parse(text));

        Assert.StartsWith($"invalid digest '{text}': ", error.Message, StringComparison.Ordinal);
        Assert.False(Digest.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_of_null_returns_false()
    {
        Assert.False(Digest.TryParse(null, out var digest));
        Assert.Equal(default, digest);
    }

    [Fact]
    public void Abbreviated_keeps_the_algorithm_and_twelve_characters()
    {
        Assert.Equal("sha256:e3b0c44298fc", Digest.Parse(EmptySha256).Abbreviated);
    }

    [Fact]
    public void The_default_digest_prints_as_empty_and_is_not_verifiable()
    {
        Digest digest = default;

        Assert.Equal(string.Empty, digest.ToString());
        Assert.Equal(string.Empty, digest.Abbreviated);
        Assert.False(digest.IsVerifiable);
    }

    [Fact]
    public void CreateHash_hashes_incrementally_to_the_same_digest()
    {
        using var hash = Digest.CreateHash(Digest.Sha256);
        hash.AppendData(Encoding.ASCII.GetBytes("a"));
        hash.AppendData(Encoding.ASCII.GetBytes("bc"));

        Assert.Equal(AbcSha256, Digest.FromHash(Digest.Sha256, hash.GetHashAndReset()).ToString());
    }
}
