using System.Formats.Tar;
using System.Text;

namespace Snello.Tests.Support;

/// <summary>Builds layer tars with System.Formats.Tar, the way other tools write them.</summary>
public sealed class TarBuilder
{
    private static readonly DateTimeOffset Time = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly List<TarEntry> _entries = [];
    private readonly TarEntryFormat _format;

    public TarBuilder(TarEntryFormat format = TarEntryFormat.Pax)
    {
        _format = format;
    }

    public TarBuilder File(string path, string content, int mode = 0b110_100_100, int uid = 0, int gid = 0)
        => File(path, Encoding.UTF8.GetBytes(content), mode, uid, gid);

    public TarBuilder File(string path, byte[] content, int mode = 0b110_100_100, int uid = 0, int gid = 0)
    {
        var entry = Make(TarEntryType.RegularFile, path, mode);
        entry.Uid = uid;
        entry.Gid = gid;
        entry.DataStream = new MemoryStream(content);
        _entries.Add(entry);
        return this;
    }

    public TarBuilder Directory(string path, int mode = 0b111_101_101)
    {
        _entries.Add(Make(TarEntryType.Directory, path, mode));
        return this;
    }

    public TarBuilder Symlink(string path, string target)
    {
        var entry = Make(TarEntryType.SymbolicLink, path, 0b111_111_111);
        entry.LinkName = target;
        _entries.Add(entry);
        return this;
    }

    public TarBuilder Hardlink(string path, string target)
    {
        var entry = Make(TarEntryType.HardLink, path, 0b110_100_100);
        entry.LinkName = target;
        _entries.Add(entry);
        return this;
    }

    public TarBuilder Device(string path, bool block, int major, int minor)
    {
        var entry = (PosixTarEntry)Make(block ? TarEntryType.BlockDevice : TarEntryType.CharacterDevice, path,
            0b110_110_110);
        entry.DeviceMajor = major;
        entry.DeviceMinor = minor;
        _entries.Add(entry);
        return this;
    }

    public TarBuilder Fifo(string path)
    {
        _entries.Add(Make(TarEntryType.Fifo, path, 0b110_100_100));
        return this;
    }

    public TarBuilder Whiteout(string path)
    {
        var slash = path.LastIndexOf('/');
        var name = slash < 0 ? ".wh." + path : path[..(slash + 1)] + ".wh." + path[(slash + 1)..];
        return File(name, string.Empty);
    }

    public TarBuilder Opaque(string directory) => File(directory.TrimEnd('/') + "/.wh..wh..opq", string.Empty);

    /// <summary>A PAX entry with text xattrs (System.Formats.Tar writes values as UTF-8 text).</summary>
    public TarBuilder FileWithXattrs(string path, string content, Dictionary<string, string> xattrs)
    {
        var records = xattrs.ToDictionary(x => "SCHILY.xattr." + x.Key, x => x.Value);
        var entry = new PaxTarEntry(TarEntryType.RegularFile, path, records)
        {
            ModificationTime = Time,
            Mode = (UnixFileMode)0b110_100_100,
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
        };
        _entries.Add(entry);
        return this;
    }

    public byte[] Build()
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, _format, leaveOpen: true))
        {
            foreach (var entry in _entries)
            {
                writer.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    private TarEntry Make(TarEntryType type, string path, int mode)
    {
        TarEntry entry = _format switch
        {
            TarEntryFormat.Gnu => new GnuTarEntry(type, path),
            TarEntryFormat.Ustar => new UstarTarEntry(type, path),
            _ => new PaxTarEntry(type, path),
        };
        entry.ModificationTime = Time;
        entry.Mode = (UnixFileMode)mode;
        return entry;
    }
}
