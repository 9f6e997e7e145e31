using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Snello.Oci.Native;

/// <summary>
/// The few Linux calls .NET has no API for (hard links, device nodes, FIFOs, owners and times of links,
/// xattrs, inode numbers). Source-generated marshalling, so Native AOT needs no reflection.
/// </summary>
internal static unsafe partial class LibC
{
    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const int EExist = 17;
    public const int EXDev = 18;
    public const int EPerm = 1;

    private const string Library = "libc";
    private const uint StatxBasicStats = 0x7ff;

    [LibraryImport(Library, EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LinkNative(string existing, string created);

    [LibraryImport(Library, EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkfifoNative(string path, uint mode);

    [LibraryImport(Library, EntryPoint = "mknod", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MknodNative(string path, uint mode, ulong device);

    [LibraryImport(Library, EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LchownNative(string path, uint uid, uint gid);

    [LibraryImport(Library, EntryPoint = "lsetxattr", SetLastError = true,
        StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LsetxattrNative(string path, string name, byte* value, nuint size, int flags);

    [LibraryImport(Library, EntryPoint = "llistxattr", SetLastError = true,
        StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint LlistxattrNative(string path, byte* list, nuint size);

    [LibraryImport(Library, EntryPoint = "lgetxattr", SetLastError = true,
        StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint LgetxattrNative(string path, string name, byte* value, nuint size);

    [LibraryImport(Library, EntryPoint = "utimensat", SetLastError = true,
        StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UtimensatNative(int directory, string path, long* times, int flags);

    [LibraryImport(Library, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxNative(int directory, string path, int flags, uint mask, byte* buffer);

    /// <summary>link(2); returns 0 or the errno.</summary>
    public static int Link(string existing, string created) => Errno(LinkNative(existing, created));

    /// <summary>mkfifo(3); returns 0 or the errno.</summary>
    public static int Mkfifo(string path, int mode) => Errno(MkfifoNative(path, (uint)mode));

    /// <summary>mknod(2) for a character or block device; returns 0 or the errno.</summary>
    public static int Mknod(string path, bool block, int mode, int major, int minor)
    {
        const uint CharacterDevice = 0x2000;
        const uint BlockDevice = 0x6000;
        var type = block ? BlockDevice : CharacterDevice;
        return Errno(MknodNative(path, type | (uint)(mode & 0xfff), MakeDevice((uint)major, (uint)minor)));
    }

    /// <summary>lchown(2): changes the owner of the entry itself, never of a symlink's target.</summary>
    public static int Lchown(string path, int uid, int gid) => Errno(LchownNative(path, (uint)uid, (uint)gid));

    /// <summary>lsetxattr(2); returns 0 or the errno.</summary>
    public static int Lsetxattr(string path, string name, ReadOnlySpan<byte> value)
    {
        fixed (byte* data = value)
        {
            return Errno(LsetxattrNative(path, name, data, (nuint)value.Length, 0));
        }
    }

    /// <summary>The names and raw values of an entry's xattrs, not following a symlink; empty when none.</summary>
    public static Dictionary<string, byte[]> ListXattrs(string path)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var size = LlistxattrNative(path, null, 0);
        if (size <= 0)
        {
            return result;
        }

        var names = new byte[size];
        fixed (byte* list = names)
        {
            size = LlistxattrNative(path, list, (nuint)names.Length);
        }

        if (size <= 0)
        {
            return result;
        }

        foreach (var name in System.Text.Encoding.UTF8.GetString(names, 0, (int)size).Split('\0',
                     StringSplitOptions.RemoveEmptyEntries))
        {
            var length = LgetxattrNative(path, name, null, 0);
            if (length < 0)
            {
                continue;
            }

            var value = new byte[length];
            fixed (byte* data = value)
            {
                length = LgetxattrNative(path, name, data, (nuint)value.Length);
            }

            if (length >= 0)
            {
                result[name] = value[..(int)length];
            }
        }

        return result;
    }

    /// <summary>Sets access and modification time of the entry itself (utimensat with AT_SYMLINK_NOFOLLOW).</summary>
    public static int SetTimes(string path, DateTimeOffset time)
    {
        var (seconds, nanoseconds) = ToTimespec(time);
        var times = stackalloc long[4] { seconds, nanoseconds, seconds, nanoseconds };
        return Errno(UtimensatNative(AtFdCwd, path, times, AtSymlinkNoFollow));
    }

    /// <summary>lstat-style status of <paramref name="path"/> (a final symlink not followed); null on error.</summary>
    public static FileStatus? LStat(string path)
    {
        // struct statx is the same on every architecture (linux/stat.h), unlike struct stat.
        var buffer = stackalloc byte[256];
        if (StatxNative(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            return null;
        }

        var span = new ReadOnlySpan<byte>(buffer, 256);
        return new FileStatus(
            Mode: BinaryPrimitives.ReadUInt16LittleEndian(span[28..]),
            Links: BinaryPrimitives.ReadUInt32LittleEndian(span[16..]),
            Uid: (int)BinaryPrimitives.ReadUInt32LittleEndian(span[20..]),
            Gid: (int)BinaryPrimitives.ReadUInt32LittleEndian(span[24..]),
            Inode: BinaryPrimitives.ReadUInt64LittleEndian(span[32..]),
            Size: (long)BinaryPrimitives.ReadUInt64LittleEndian(span[40..]),
            ModifiedSeconds: BinaryPrimitives.ReadInt64LittleEndian(span[112..]),
            ModifiedNanoseconds: BinaryPrimitives.ReadUInt32LittleEndian(span[120..]),
            RdevMajor: (int)BinaryPrimitives.ReadUInt32LittleEndian(span[128..]),
            RdevMinor: (int)BinaryPrimitives.ReadUInt32LittleEndian(span[132..]),
            DevMajor: BinaryPrimitives.ReadUInt32LittleEndian(span[136..]),
            DevMinor: BinaryPrimitives.ReadUInt32LittleEndian(span[140..]));
    }

    private static ulong MakeDevice(uint major, uint minor) =>
        // glibc's makedev (sys/sysmacros.h).
        ((ulong)(major & 0xfffff000) << 32) | ((ulong)(major & 0xfff) << 8)
        | ((ulong)(minor & 0xffffff00) << 12) | (minor & 0xff);

    private static int Errno(int result) => result == 0 ? 0 : Marshal.GetLastPInvokeError();
}
