using System.Text;
using Snello.Debian.Archive;

namespace Snello.Tests.Debian.Archive;

public sealed class ReleaseFileTests
{
    // SHA256 of the empty string and of "hello\n".
    private const string Release = """
        Origin: Debian
        Suite: stable-security
        Codename: bookworm-security
        Date: Sat, 10 Aug 2024 09:16:41 UTC
        Valid-Until: Sat, 17 Aug 2024 09:16:41 UTC
        Architectures: amd64 arm64
        Components: updates/main updates/contrib
        SHA256:
         e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 0 main/binary-amd64/Packages
         5891B5B522D5DF086D0FF0B110FBD9D21BB4FC7163AF34D08286A2E846F6BE03 6 main/binary-amd64/Packages.xz
        """;

    [Fact]
    public void Parse_reads_dates_suite_and_the_SHA256_table()
    {
        var release = ReleaseFile.Parse(Release, "InRelease");

        Assert.Equal(new DateTimeOffset(2024, 8, 10, 9, 16, 41, TimeSpan.Zero), release.Date);
        Assert.Equal(new DateTimeOffset(2024, 8, 17, 9, 16, 41, TimeSpan.Zero), release.ValidUntil);
        Assert.Equal("stable-security", release.Suite);
        Assert.Equal("bookworm-security", release.Codename);
        Assert.Equal(["amd64", "arm64"], release.Architectures);
        Assert.Equal(["updates/main", "updates/contrib"], release.Components);
        Assert.Equal(2, release.Files.Count);
        var xz = release.Find("main/binary-amd64/Packages.xz");
        Assert.Equal("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", xz!.Sha256);
        Assert.Equal(6, xz.Size);
        Assert.Null(release.Find("main/binary-i386/Packages"));
    }

    [Theory]
    [InlineData("Date: Sat, 10 Aug 2024 09:16:41 +0200", 7)]
    [InlineData("Date: Sat, 10 Aug 2024 09:16:41 GMT", 9)]
    [InlineData("Date: Sat, 10 Aug 2024 09:16:41 +00:00", 9)]
    public void Parse_accepts_numeric_zones_and_GMT(string line, int utcHour)
    {
        var release = ReleaseFile.Parse(line + "\n", "Release");

        Assert.Equal(utcHour, release.Date.UtcDateTime.Hour);
        Assert.Null(release.ValidUntil);
    }

    [Fact]
    public void CheckValidUntil_passes_before_and_refuses_after_naming_the_field()
    {
        var release = ReleaseFile.Parse(Release, "dists/bookworm-security/InRelease");

        release.CheckValidUntil(new DateTimeOffset(2024, 8, 17, 9, 16, 40, TimeSpan.Zero));
        var e = Assert.Throws<ReleaseFormatException>(
            () => release.CheckValidUntil(new DateTimeOffset(2024, 8, 17, 9, 16, 41, TimeSpan.Zero)));

        Assert.Equal("Valid-Until", e.Field);
        Assert.StartsWith("'dists/bookworm-security/InRelease': Valid-Until 'Sat, 17 Aug 2024 09:16:41 UTC' has passed",
            e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Release_without_Valid_Until_never_expires()
    {
        ReleaseFile.Parse("Date: Sat, 10 Aug 2024 09:16:41 UTC\n", "Release").CheckValidUntil(DateTimeOffset.MaxValue);
    }

    [Fact]
    public void Verify_accepts_matching_bytes_and_names_expected_and_actual_otherwise()
    {
        var release = ReleaseFile.Parse(Release, "InRelease");

        release.Verify("main/binary-amd64/Packages.xz", "hello\n"u8);
        release.Verify("main/binary-amd64/Packages", []);
        var wrong = Assert.Throws<HashMismatchException>(
            () => release.Verify("main/binary-amd64/Packages.xz", "hellO\n"u8));
        var size = Assert.Throws<HashMismatchException>(
            () => release.Verify("main/binary-amd64/Packages.xz", Encoding.ASCII.GetBytes("hello")));
        var unlisted = Assert.Throws<ReleaseFormatException>(
            () => release.Verify("main/binary-i386/Packages.xz", []));

        Assert.Equal("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", wrong.Expected);
        Assert.Equal(64, wrong.Actual.Length);
        Assert.Contains("'main/binary-amd64/Packages.xz' has SHA256 '", wrong.Message, StringComparison.Ordinal);
        Assert.Contains("expected '5891b5b5", wrong.Message, StringComparison.Ordinal);
        Assert.Equal("'main/binary-amd64/Packages.xz' has size '5', expected '6'", size.Message);
        Assert.Contains("'main/binary-i386/Packages.xz' is not listed", unlisted.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Origin: Debian\n", "Date '' is missing")]
    [InlineData("Date: yesterday\n", "Date 'yesterday' is not a date like")]
    [InlineData("Date: Sat, 10 Aug 2024 09:16:41 UTC\nValid-Until: soon\n", "Valid-Until 'soon' is not a date")]
    [InlineData("Date: Sat, 10 Aug 2024 09:16:41 UTC\nSHA256:\n abc 1 main/Packages\n", "SHA256 'abc 1 main/Packages'")]
    [InlineData("Date: Sat, 10 Aug 2024 09:16:41 UTC\n\nDate: Sat, 10 Aug 2024 09:16:41 UTC\n", "paragraph count '2'")]
    public void Parse_refuses_malformed_files_naming_the_field_and_value(string text, string expected)
    {
        var e = Assert.Throws<ReleaseFormatException>(() => ReleaseFile.Parse(text, "Release"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("'Release': ", e.Message, StringComparison.Ordinal);
    }
}
