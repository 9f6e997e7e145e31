using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Snello.Tests.Build.Assembly;

/// <summary>Writes small .deb files in memory (ar, gzip tarballs) so assembly tests need no Debian tools.</summary>
internal sealed class TestDeb(string package, string version = "1.0-1", string architecture = "amd64")
{
    private readonly List<(string Name, TarEntryType Type, byte[]? Content, string? Link, UnixFileMode Mode)>
        _members = [];

    public string Package { get; } = package;

    public string? Md5sums { get; set; }

    public TestDeb Folder(string name, UnixFileMode mode = (UnixFileMode)0x1ed)
    {
        _members.Add((name, TarEntryType.Directory, null, null, mode));
        return this;
    }

    public TestDeb File(string name, string content, UnixFileMode mode = (UnixFileMode)0x1a4)
    {
        _members.Add((name, TarEntryType.RegularFile, Encoding.UTF8.GetBytes(content), null, mode));
        return this;
    }

    public TestDeb Symlink(string name, string target)
    {
        _members.Add((name, TarEntryType.SymbolicLink, null, target, (UnixFileMode)0x1ff));
        return this;
    }

    public TestDeb Hardlink(string name, string target)
    {
        _members.Add((name, TarEntryType.HardLink, null, target, (UnixFileMode)0x1a4));
        return this;
    }

    public string Control =>
        $"Package: {Package}\nVersion: {version}\nArchitecture: {architecture}\n"
        + "Maintainer: Snello <test@example.invalid>\nDescription: a test package\n";

    /// <summary>Writes the .deb into <paramref name="folder"/> and returns its path.</summary>
    public string WriteTo(string folder)
    {
        var path = Path.Combine(folder, $"{Package}_{version}_{architecture}.deb");
        var controlFiles = new List<(string, byte[])> { ("./control", Encoding.UTF8.GetBytes(Control)) };
        if (Md5sums is not null)
        {
            controlFiles.Add(("./md5sums", Encoding.UTF8.GetBytes(Md5sums)));
        }

        var control = Tarball(controlFiles.Select(c => (c.Item1, TarEntryType.RegularFile, (byte[]?)c.Item2,
            (string?)null, (UnixFileMode)0x1a4)));
        var data = Tarball(_members);
        using var output = System.IO.File.Create(path);
        output.Write("!<arch>\n"u8);
        Member(output, "debian-binary", "2.0\n"u8.ToArray());
        Member(output, "control.tar.gz", control);
        Member(output, "data.tar.gz", data);
        return path;
    }

    private static byte[] Tarball(
        IEnumerable<(string Name, TarEntryType Type, byte[]? Content, string? Link, UnixFileMode Mode)> members)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Gnu, leaveOpen: true))
        {
            foreach (var (name, type, content, link, mode) in members)
            {
                var entry = new GnuTarEntry(type, name) { Mode = mode };
                if (link is not null)
                {
                    entry.LinkName = link;
                }

                if (content is not null)
                {
                    entry.DataStream = new MemoryStream(content);
                }

                tar.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    private static void Member(Stream output, string name, byte[] content)
    {
        var header = $"{name,-16}{"0",-12}{"0",-6}{"0",-6}{"100644",-8}{content.Length,-10}`\n";
        output.Write(Encoding.ASCII.GetBytes(header));
        output.Write(content);
        if (content.Length % 2 == 1)
        {
            output.WriteByte((byte)'\n');
        }
    }
}
