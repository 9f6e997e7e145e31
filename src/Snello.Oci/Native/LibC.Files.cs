using System.Runtime.InteropServices;

namespace Snello.Oci.Native;

/// <summary>
/// Creating and writing files with one system call each, for the export's hot path: .NET's file handles add an
/// fstat, an flock and an lseek to every file they open.
/// </summary>
internal static unsafe partial class LibC
{
    public const int ENoEnt = 2;
    public const int EIntr = 4;

    private const int OWriteOnly = 0x1;
    private const int OCreate = 0x40;
    private const int OExclusive = 0x80;
    private const int ONoFollow = 0x20000;
    private const int OCloseOnExec = 0x80000;

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags, uint mode);

    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteNative(int fd, byte* buffer, nuint count);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    private static partial int CloseNative(int fd);

    [LibraryImport(Library, EntryPoint = "fchmod", SetLastError = true)]
    private static partial int FchmodNative(int fd, uint mode);

    [LibraryImport(Library, EntryPoint = "fchown", SetLastError = true)]
    private static partial int FchownNative(int fd, uint uid, uint gid);

    [LibraryImport(Library, EntryPoint = "futimens", SetLastError = true)]
    private static partial int FutimensNative(int fd, long* times);

    [LibraryImport(Library, EntryPoint = "mkdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkdirNative(string path, uint mode);

    [LibraryImport(Library, EntryPoint = "symlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SymlinkNative(string target, string path);

    [LibraryImport(Library, EntryPoint = "unlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnlinkNative(string path);

    [LibraryImport(Library, EntryPoint = "chmod", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ChmodNative(string path, uint mode);

    [LibraryImport(Library, EntryPoint = "geteuid")]
    private static partial uint GeteuidNative();

    [LibraryImport(Library, EntryPoint = "getegid")]
    private static partial uint GetegidNative();

    /// <summary>The effective user ID of the process.</summary>
    public static int EffectiveUid => (int)GeteuidNative();

    /// <summary>The effective group ID of the process: new files get it unless their directory is setgid.</summary>
    public static int EffectiveGid => (int)GetegidNative();

    /// <summary>
    /// Creates a new file for writing: O_CREAT|O_EXCL|O_NOFOLLOW, so an existing name, a symlink included, is
    /// never opened. Returns the descriptor, or minus the errno.
    /// </summary>
    public static int CreateNew(string path, int mode)
    {
        var fd = OpenNative(path, OWriteOnly | OCreate | OExclusive | ONoFollow | OCloseOnExec, (uint)mode);
        return fd >= 0 ? fd : -Marshal.GetLastPInvokeError();
    }

    /// <summary>Writes all of <paramref name="data"/> to <paramref name="fd"/>; returns 0 or the errno.</summary>
    public static int WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            var done = 0;
            while (done < data.Length)
            {
                var n = WriteNative(fd, start + done, (nuint)(data.Length - done));
                if (n < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == EIntr)
                    {
                        continue;
                    }

                    return errno;
                }

                done += (int)n;
            }
        }

        return 0;
    }

    /// <summary>close(2); returns 0 or the errno.</summary>
    public static int Close(int fd) => Errno(CloseNative(fd));

    /// <summary>fchmod(2); returns 0 or the errno.</summary>
    public static int Fchmod(int fd, int mode) => Errno(FchmodNative(fd, (uint)mode));

    /// <summary>fchown(2); returns 0 or the errno.</summary>
    public static int Fchown(int fd, int uid, int gid) => Errno(FchownNative(fd, (uint)uid, (uint)gid));

    /// <summary>Sets access and modification time of an open file; returns 0 or the errno.</summary>
    public static int SetTimes(int fd, DateTimeOffset time)
    {
        var (seconds, nanoseconds) = ToTimespec(time);
        var times = stackalloc long[4] { seconds, nanoseconds, seconds, nanoseconds };
        return Errno(FutimensNative(fd, times));
    }

    /// <summary>mkdir(2), which never follows a final symlink; returns 0 or the errno.</summary>
    public static int Mkdir(string path, int mode) => Errno(MkdirNative(path, (uint)mode));

    /// <summary>symlink(2); returns 0 or the errno.</summary>
    public static int Symlink(string target, string path) => Errno(SymlinkNative(target, path));

    /// <summary>unlink(2), which removes a symlink itself; returns 0 or the errno.</summary>
    public static int Unlink(string path) => Errno(UnlinkNative(path));

    /// <summary>chmod(2); returns 0 or the errno. It follows a final symlink: only for what is not one.</summary>
    public static int Chmod(string path, int mode) => Errno(ChmodNative(path, (uint)mode));

    /// <summary>
    /// The process's umask, read from /proc/self/status (Linux 4.7 and later) because umask(2) can only be read
    /// by changing it; null when it cannot be read.
    /// </summary>
    public static int? ReadUmask()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Umask:", StringComparison.Ordinal))
                {
                    return Convert.ToInt32(line["Umask:".Length..].Trim(), 8);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }

        return null;
    }

    private static (long Seconds, long Nanoseconds) ToTimespec(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest);
        if (rest < 0)
        {
            seconds--;
            rest += TimeSpan.TicksPerSecond;
        }

        return (seconds, rest * 100);
    }
}
