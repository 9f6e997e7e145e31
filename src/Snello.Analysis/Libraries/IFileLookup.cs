using Snello.Analysis.Elf;

namespace Snello.Analysis.Libraries;

/// <summary>
/// A root filesystem the loader-path resolution reads: an image's squashed tree or a folder on the host.
/// Paths are absolute ('/usr/lib/libc.so.6') and canonical: the resolution walks symlinks itself, chroot-style,
/// so an implementation never needs to follow one.
/// </summary>
public interface IFileLookup
{
    /// <summary>The entry at <paramref name="path"/> without following a final symlink, or null when none.</summary>
    FileLookupEntry? Stat(string path);

    /// <summary>
    /// The ELF headers of the regular file at <paramref name="path"/>, or null when it is missing or not ELF.
    /// </summary>
    /// <exception cref="ElfFormatException">The file has the ELF magic but its headers are broken.</exception>
    ElfFile? ReadElf(string path);

    /// <summary>The content of the regular file at <paramref name="path"/>, or null when it is not available.</summary>
    byte[]? ReadAllBytes(string path);

    /// <summary>The names in the directory <paramref name="path"/>, sorted ordinally; empty if none.</summary>
    IReadOnlyList<string> List(string path);
}
