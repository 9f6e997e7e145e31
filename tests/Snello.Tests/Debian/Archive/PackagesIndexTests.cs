using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Snello.Debian.Archive;
using Snello.Debian.Packages;
using Snello.Tests.Support;

namespace Snello.Tests.Debian.Archive;

public sealed class PackagesIndexTests
{
    private const string Packages = """
        Package: libc6
        Source: glibc (2.36-9+deb12u4)
        Version: 2.36-9+deb12u4+b1
        Architecture: amd64
        Multi-Arch: same
        Priority: optional
        Depends: libgcc-s1
        Pre-Depends: libcrypt1 (>= 1:4.4.10-10~)
        Filename: pool/main/g/glibc/libc6_2.36-9+deb12u4_amd64.deb
        Size: 2757936
        SHA256: 00112233445566778899AABBCCDDEEFF00112233445566778899aabbccddeeff

        Package: mawk
        Version: 1.3.4.20200120-3.1
        Architecture: amd64
        Provides: awk
        Priority: required
        Essential: yes
        Filename: pool/main/m/mawk/mawk_1.3.4.20200120-3.1_amd64.deb

        """;

    [Fact]
    public void Read_parses_the_package_fields()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Packages));

        var records = PackagesIndex.Read(stream, "main/binary-amd64/Packages").ToList();

        var libc = records[0];
        Assert.Equal("libc6", libc.Package);
        Assert.Equal("2.36-9+deb12u4+b1", libc.Version.ToString());
        Assert.Equal("amd64", libc.Architecture);
        Assert.Equal("same", libc.MultiArch);
        Assert.Equal("optional", libc.Priority);
        Assert.Equal("libgcc-s1", Assert.Single(libc.Depends).ToString());
        Assert.Equal("libcrypt1 (>= 1:4.4.10-10~)", Assert.Single(libc.PreDepends).ToString());
        Assert.Empty(libc.Provides);
        Assert.Equal("pool/main/g/glibc/libc6_2.36-9+deb12u4_amd64.deb", libc.Filename);
        Assert.Equal(2757936, libc.Size);
        Assert.Equal("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", libc.Sha256);
        Assert.False(libc.Essential);
        Assert.Equal("glibc", libc.SourceName);
        Assert.Equal("2.36-9+deb12u4", libc.SourceVersion.ToString());

        var mawk = records[1];
        Assert.True(mawk.Essential);
        Assert.Equal("awk", Assert.Single(mawk.Provides).Name);
        Assert.Equal("mawk", mawk.SourceName);
        Assert.Equal(mawk.Version, mawk.SourceVersion);
        Assert.Null(mawk.Size);
        Assert.Equal("mawk 1.3.4.20200120-3.1 amd64", mawk.ToString());
    }

    [Fact]
    public void Load_checks_a_gzip_index_against_the_Release_file_then_parses_it()
    {
        var gz = Gzip(Packages);
        var release = ReleaseFor("main/binary-amd64/Packages.gz", gz);

        var records = PackagesIndex.Load(gz, "main/binary-amd64/Packages.gz", release);

        Assert.Equal(["libc6", "mawk"], records.Select(r => r.Package));
    }

    [Fact]
    public void Load_checks_an_xz_index_made_by_xz_then_parses_it()
    {
        var xz = XzCompress(Packages);
        var release = ReleaseFor("main/binary-amd64/Packages.xz", xz);

        var records = PackagesIndex.Load(xz, "main/binary-amd64/Packages.xz", release);

        Assert.Equal(["libc6", "mawk"], records.Select(r => r.Package));
    }

    [Fact]
    public void Read_of_an_xz_index_works_on_a_stream_that_cannot_seek()
    {
        var xz = XzCompress(Packages);
        using var pipe = new UnseekableStream(xz);

        Assert.Equal(2, PackagesIndex.Read(pipe, "Packages.xz").Count());
    }

    [Fact]
    public void Load_refuses_a_tampered_index_naming_expected_and_actual_hashes()
    {
        var gz = Gzip(Packages);
        var release = ReleaseFor("main/binary-amd64/Packages.gz", gz);
        var tampered = (byte[])gz.Clone();
        tampered[gz.Length / 2] ^= 0x20;

        var e = Assert.Throws<HashMismatchException>(
            () => PackagesIndex.Load(tampered, "main/binary-amd64/Packages.gz", release));

        Assert.Equal(release.Find("main/binary-amd64/Packages.gz")!.Sha256, e.Expected);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(tampered)), e.Actual);
        Assert.Contains("'main/binary-amd64/Packages.gz'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_refuses_an_index_of_the_wrong_size_before_hashing_it()
    {
        var gz = Gzip(Packages);
        var release = ReleaseFor("main/binary-amd64/Packages.gz", gz);

        var e = Assert.Throws<HashMismatchException>(
            () => PackagesIndex.Load(gz[..^1], "main/binary-amd64/Packages.gz", release));

        Assert.Equal($"'main/binary-amd64/Packages.gz' has size '{gz.Length - 1}', expected '{gz.Length}'", e.Message);
    }

    [Fact]
    public void An_xz_file_of_two_concatenated_streams_is_refused_rather_than_half_read()
    {
        var twice = XzCompress(Packages).Concat(XzCompress("Package: extra\nVersion: 1\nArchitecture: all\n"))
            .ToArray();
        using var stream = new MemoryStream(twice);

        var e = Assert.Throws<InvalidDataException>(() => PackagesIndex.Read(stream, "Packages.xz").ToList());

        Assert.Contains("more than one xz stream", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Package: a1\nArchitecture: all\n", "Version '' is missing")]
    [InlineData("Package: a1\nVersion: 1_0\nArchitecture: all\n", "Version '1_0' invalid Debian version")]
    [InlineData("Package: a1\nVersion: 1\n", "Architecture '' is missing")]
    [InlineData("Package: a1\nVersion: 1\nArchitecture: all\nSize: big\n", "Size 'big'")]
    [InlineData("Package: a1\nVersion: 1\nArchitecture: all\nSHA256: abc\n", "SHA256 'abc' is not 64 hex")]
    [InlineData("Package: a1\nVersion: 1\nArchitecture: all\nDepends: B\n", "Depends 'B' invalid relation")]
    [InlineData("Version: 1\nArchitecture: all\n", "Package '' is missing")]
    public void Malformed_stanzas_are_refused_naming_package_field_and_value(string text, string expected)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("\n" + text));

        var e = Assert.Throws<PackageRecordException>(() => PackagesIndex.Read(stream, "Packages").ToList());

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("Packages:2: package '", e.Message, StringComparison.Ordinal);
    }

    private static ReleaseFile ReleaseFor(string path, byte[] content) => ReleaseFile.Parse(
        $"Date: Sat, 10 Aug 2024 09:16:41 UTC\nSHA256:\n {Convert.ToHexStringLower(SHA256.HashData(content))} "
        + $"{content.Length} {path}\n", "InRelease");

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private static byte[] XzCompress(string text)
    {
        var xz = DebianTools.Require("xz", "xz-utils");
        using var sandbox = new Sandbox();
        var file = Path.Combine(sandbox.Parent, "Packages");
        File.WriteAllText(file, text);
        var (exit, _, stderr) = DebianTools.Run(xz, ["--keep", file]);
        Assert.True(exit == 0, stderr);
        return File.ReadAllBytes(file + ".xz");
    }
}
