using Snello.Debian.Archive;

namespace Snello.Tests.Debian.Archive;

public sealed class InReleaseVerifierTests(GpgKeys keys) : IClassFixture<GpgKeys>
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // A line starting with '-' (dash-escaped by gpg) and one with trailing blanks (not signed, RFC 4880 7.1),
    // written with a marker so that editors trimming blanks cannot change the test.
    private static readonly string Body = RawBody.Replace("|END", "   ", StringComparison.Ordinal);

    private const string RawBody = """
        Origin: Snello Test
        Codename: testing
        Date: Sat, 10 Aug 2024 09:16:41 UTC
        Valid-Until: Sat, 17 Aug 2024 09:16:41 UTC
        Description: with trailing blanks|END
        SHA256:
         e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 0 main/binary-amd64/Packages
        -X-Dash: a line that gpg dash-escapes

        """;

    [Fact]
    public void A_good_signature_verifies_and_gives_back_the_text()
    {
        var signed = keys.ClearSign(Body, GpgKeys.Good);

        var verified = InReleaseVerifier.Verify(signed, keys.Keyring, "InRelease", Now);

        Assert.Contains("\n- -X-Dash", signed, StringComparison.Ordinal);
        Assert.Equal(Body, verified.Text);
        Assert.Equal(16, verified.SignerKeyId.Length);
        Assert.True(verified.SignedAt > new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Contains("with trailing blanks   \nSHA256:\n", verified.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_by_a_signing_subkey_bound_to_its_primary_verifies()
    {
        var signed = keys.ClearSign(Body, GpgKeys.Subkey);

        var verified = InReleaseVerifier.Verify(signed, keys.Keyring, "InRelease", Now);

        Assert.Equal(Body, verified.Text);
    }

    [Fact]
    public void An_RSA_signature_verifies()
    {
        var verified = InReleaseVerifier.Verify(keys.ClearSign(Body, GpgKeys.Rsa), keys.Keyring, "InRelease", Now);

        Assert.Equal(Body, verified.Text);
    }

    [Fact]
    public void A_good_signature_with_a_SHA1_digest_is_refused_as_weak()
    {
        var signed = keys.ClearSign(Body, GpgKeys.Rsa, digest: "SHA1");

        var e = Assert.Throws<SignatureVerificationException>(
            () => InReleaseVerifier.Verify(signed, keys.Keyring, "InRelease", Now));

        Assert.Contains("Hash: SHA1", signed, StringComparison.Ordinal);
        Assert.Contains("uses the weak digest Sha1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Codename: testing", "Codename: testinG")]
    [InlineData(" 0 main/binary-amd64/Packages", " 1 main/binary-amd64/Packages")]
    [InlineData("- -X-Dash", "-X-Dash")]
    public void A_tampered_body_is_refused(string original, string tampered)
    {
        var signed = keys.ClearSign(Body, GpgKeys.Good).Replace(original, tampered, StringComparison.Ordinal);

        var e = Assert.Throws<SignatureVerificationException>(
            () => InReleaseVerifier.Verify(signed, keys.Keyring, "dists/testing/InRelease", Now));

        Assert.Equal("dists/testing/InRelease", e.File);
        Assert.Contains("'dists/testing/InRelease'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_blanks_and_CRLF_line_ends_do_not_change_the_signed_text()
    {
        var signed = keys.ClearSign(Body, GpgKeys.Good)
            .Replace("Origin: Snello Test\n", "Origin: Snello Test \t\n", StringComparison.Ordinal)
            .Replace("\n", "\r\n", StringComparison.Ordinal);

        var verified = InReleaseVerifier.Verify(signed, keys.Keyring, "InRelease", Now);

        Assert.StartsWith("Origin: Snello Test \t\n", verified.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_by_a_key_outside_the_keyring_is_refused_naming_the_key()
    {
        var signed = keys.ClearSign(Body, GpgKeys.Unknown);

        var e = Assert.Throws<SignatureVerificationException>(
            () => InReleaseVerifier.Verify(signed, keys.Keyring, "InRelease", Now));

        Assert.Contains("no valid signature: key ", e.Message, StringComparison.Ordinal);
        Assert.Contains($"is not in keyring '{keys.KeyringPath}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_by_an_expired_key_is_refused_with_the_expiry_date()
    {
        var signed = keys.ClearSign(Body, GpgKeys.Expired, "20200101T120000");

        var e = Assert.Throws<SignatureVerificationException>(
            () => InReleaseVerifier.Verify(signed, keys.Keyring, "InRelease", Now));

        Assert.Contains("good signature by key", e.Message, StringComparison.Ordinal);
        Assert.Contains("the key expired on 2020-01-02", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_expired_key_verified_during_its_lifetime_is_accepted()
    {
        var signed = keys.ClearSign(Body, GpgKeys.Expired, "20200101T120000");

        var verified = InReleaseVerifier.Verify(
            signed, keys.Keyring, "InRelease", new DateTimeOffset(2020, 1, 1, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(Body, verified.Text);
    }

    [Theory]
    [InlineData("Origin: x\n", "expected '-----BEGIN PGP SIGNED MESSAGE-----' first")]
    [InlineData("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nOrigin: x\n", "no complete")]
    public void Unsigned_text_is_refused(string content, string problem)
    {
        var e = Assert.Throws<SignatureVerificationException>(
            () => InReleaseVerifier.Verify(content, keys.Keyring, "InRelease", Now));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_the_signature_is_refused()
    {
        var signed = keys.ClearSign(Body, GpgKeys.Good) + "Origin: injected\n";

        var e = Assert.Throws<SignatureVerificationException>(
            () => InReleaseVerifier.Verify(signed, keys.Keyring, "InRelease", Now));

        Assert.Contains("text after the signature is not signed and is refused: 'Origin: injected'", e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_keybox_file_is_refused_as_holding_no_keys()
    {
        var keybox = Path.Combine(keys.Home, "pubring.kbx");
        _ = keys.Keyring;
        if (!File.Exists(keybox))
        {
            Assert.Skip($"this gpg keeps no keybox at '{keybox}'");
        }

        var e = Assert.Throws<KeyringException>(() => ArchiveKeyring.Load(keybox));

        Assert.Contains($"keyring '{keybox}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_keyring_file_is_refused_naming_it()
    {
        var e = Assert.Throws<KeyringException>(() => ArchiveKeyring.Load("/nonexistent/keyring.gpg"));

        Assert.Contains("keyring '/nonexistent/keyring.gpg': cannot be read", e.Message, StringComparison.Ordinal);
    }
}
