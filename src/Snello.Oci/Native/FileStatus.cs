namespace Snello.Oci.Native;

/// <summary>The parts of statx(2) Snello uses.</summary>
internal readonly record struct FileStatus(int Mode, uint Links, int Uid, int Gid, ulong Inode, long Size,
    long ModifiedSeconds, uint ModifiedNanoseconds, int RdevMajor, int RdevMinor, uint DevMajor, uint DevMinor)
{
    public int FileType => Mode & 0xf000;

    public bool IsDirectory => FileType == 0x4000;

    public bool IsSymlink => FileType == 0xa000;

    public bool IsRegular => FileType == 0x8000;

    public bool IsCharacterDevice => FileType == 0x2000;

    public bool IsBlockDevice => FileType == 0x6000;

    public bool IsFifo => FileType == 0x1000;

    public int Permissions => Mode & 0xfff;

    public DateTimeOffset ModificationTime =>
        DateTimeOffset.FromUnixTimeSeconds(ModifiedSeconds).AddTicks(ModifiedNanoseconds / 100);
}
