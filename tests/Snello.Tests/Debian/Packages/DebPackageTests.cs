using System.Formats.Tar;
using System.Text;
using Snello.Debian.Packages;
using Snello.Tests.Support;

namespace Snello.Tests.Debian.Packages;

/// <summary>.deb files built by the real dpkg-deb, in every compression it offers.</summary>
public sealed class DebPackageTests
{
    private const string Control = """
        Package: snello-test
        Version: 1:1.0-1
        Architecture: all
        Maintainer: Snello <test@example.invalid>
        Depends: libc6 (>= 2.36) | libc6.1
        Description: a package for tests
         with a long description.

        """;

    [Theory]
    [InlineData("xz")]
    [InlineData("gzip")]
    [InlineData("zstd")]
    [InlineData("none")]
    public void Read_gives_the_control_fields_and_streams_every_data_entry(string compression)
    {
        var deb = Build(compression);
        var entries = new Dictionary<string, (TarEntryType Type, string Content, string Link)>();

        using var stream = new UnseekableStream(deb);
        var package = DebPackage.Read(stream, "snello-test.deb", entry =>
        {
            var content = entry.DataStream is null ? "" : new StreamReader(entry.DataStream).ReadToEnd();
            entries[entry.Name] = (entry.EntryType, content, entry.LinkName);
        });

        Assert.Equal("snello-test", package.Control.Package);
        Assert.Equal("1:1.0-1", package.Control.Version.ToString());
        Assert.Equal("libc6 (>= 2.36) | libc6.1", Assert.Single(package.Control.Depends).ToString());
        Assert.Equal("#!/bin/sh\nexit 0\n", Encoding.UTF8.GetString(package.ControlFiles["postinst"]));
        Assert.Contains("control", package.ControlFiles.Keys);
        Assert.Equal("hello\n", entries["./usr/bin/hello"].Content);
        Assert.Equal(TarEntryType.SymbolicLink, entries["./usr/bin/hi"].Type);
        Assert.Equal("hello", entries["./usr/bin/hi"].Link);
        Assert.Equal(TarEntryType.Directory, entries["./usr/share/doc/snello-test/"].Type);
        Assert.Equal("odd-sized\n", entries["./usr/share/doc/snello-test/copyright"].Content);
    }

    [Fact]
    public void Read_without_a_callback_reads_only_the_control_part()
    {
        var deb = Build("xz");

        var package = DebPackage.Read(new MemoryStream(deb), "snello-test.deb");

        Assert.Equal("all", package.Control.Architecture);
    }

    [Fact]
    public void A_file_that_is_not_an_ar_archive_is_refused()
    {
        var e = Assert.Throws<DebFormatException>(
            () => DebPackage.Read(new MemoryStream("not a deb"u8.ToArray()), "x.deb"));

        Assert.Equal("'x.deb' is not a valid .deb: it does not start with the ar magic '!<arch>\\n'", e.Message);
    }

    [Fact]
    public void A_truncated_deb_is_refused_naming_the_file()
    {
        var deb = Build("gzip");

        var e = Assert.Throws<DebFormatException>(() =>
            DebPackage.Read(new MemoryStream(deb[..(deb.Length - 40)]), "cut.deb", _ => { }));

        Assert.Contains("'cut.deb' is not a valid .deb", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xz")]
    [InlineData("gzip")]
    [InlineData("zstd")]
    public void A_corrupt_data_tarball_is_refused_naming_the_member(string compression)
    {
        // The middle of the compressed data member: dpkg-deb stamps the build time into the tarball, so a
        // fixed distance from the end of the file could land in padding or a trailer field that some
        // decoders do not check.
        var deb = Build(compression);
        var header = System.Text.Encoding.ASCII.GetString(deb).IndexOf("data.tar", StringComparison.Ordinal);
        var size = int.Parse(System.Text.Encoding.ASCII.GetString(deb, header + 48, 10).Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
        var at = header + 60 + (size / 2);
        deb[at] ^= 0xff;
        deb[at + 1] ^= 0xff;

        var e = Assert.Throws<DebFormatException>(() => DebPackage.Read(new MemoryStream(deb), "bad.deb", entry =>
        {
            entry.DataStream?.CopyTo(Stream.Null);
        }));

        Assert.Contains("member 'data.tar", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ar_archive_without_debian_binary_first_is_refused()
    {
        var ar = Encoding.ASCII.GetBytes("!<arch>\n" + "control.tar/    0           0     0     100644  2         `\n"
            + "xx");

        var e = Assert.Throws<DebFormatException>(() => DebPackage.Read(new MemoryStream(ar), "odd.deb"));

        Assert.Contains("the first member is 'control.tar' holding 'xx', expected 'debian-binary'", e.Message,
            StringComparison.Ordinal);
    }

    private static byte[] Build(string compression)
    {
        var dpkgDeb = DebianTools.Require("dpkg-deb", "dpkg");
        using var sandbox = new Sandbox();
        var root = Path.Combine(sandbox.Parent, "pkg");
        Directory.CreateDirectory(Path.Combine(root, "DEBIAN"));
        Directory.CreateDirectory(Path.Combine(root, "usr", "bin"));
        Directory.CreateDirectory(Path.Combine(root, "usr", "share", "doc", "snello-test"));
        File.WriteAllText(Path.Combine(root, "DEBIAN", "control"), Control);
        var postinst = Path.Combine(root, "DEBIAN", "postinst");
        File.WriteAllText(postinst, "#!/bin/sh\nexit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(postinst, (UnixFileMode)0b111_101_101);
        }
        File.WriteAllText(Path.Combine(root, "usr", "bin", "hello"), "hello\n");
        File.CreateSymbolicLink(Path.Combine(root, "usr", "bin", "hi"), "hello");
        File.WriteAllText(Path.Combine(root, "usr", "share", "doc", "snello-test", "copyright"), "odd-sized\n");

        var output = Path.Combine(sandbox.Parent, "snello-test.deb");
        var (exit, _, stderr) = DebianTools.Run(
            dpkgDeb, ["--root-owner-group", $"-Z{compression}", "--build", root, output]);
        if (exit != 0 && compression == "zstd" && stderr.Contains("zstd", StringComparison.Ordinal))
        {
            Assert.Skip($"this dpkg-deb cannot write zstd: {stderr.Trim()}");
        }

        Assert.True(exit == 0, stderr);
        return File.ReadAllBytes(output);
    }
}
