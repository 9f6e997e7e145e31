namespace Snello.Analysis.Elf;

/// <summary>
/// What an ELF file's program headers say about loading it: its class, byte order, machine and type, the
/// interpreter (PT_INTERP) and the dynamic section's needed libraries and search paths (PT_DYNAMIC). Section
/// headers are never read, so stripped files read the same.
/// </summary>
public sealed record ElfFile
{
    /// <summary>32 or 64-bit.</summary>
    public required ElfClass Class { get; init; }

    /// <summary>True when the file is big-endian (ELFDATA2MSB).</summary>
    public required bool IsBigEndian { get; init; }

    /// <summary>The architecture (e_machine); a value outside the enum's names is still kept.</summary>
    public required ElfMachine Machine { get; init; }

    /// <summary>The object type (e_type).</summary>
    public required ElfFileType Type { get; init; }

    /// <summary>The OS ABI byte (e_ident[EI_OSABI]), 0 for System V and 3 for GNU/Linux.</summary>
    public byte OsAbi { get; init; }

    /// <summary>The program interpreter PT_INTERP names, such as '/lib64/ld-linux-x86-64.so.2', or null.</summary>
    public string? Interpreter { get; init; }

    /// <summary>True when the file has a PT_DYNAMIC segment.</summary>
    public bool HasDynamicSection { get; init; }

    /// <summary>The DT_NEEDED sonames, in the order the dynamic section lists them.</summary>
    public IReadOnlyList<string> Needed { get; init; } = [];

    /// <summary>The DT_RUNPATH directories, split at ':', unexpanded ('$ORIGIN' stays as written).</summary>
    public IReadOnlyList<string> RunPath { get; init; } = [];

    /// <summary>
    /// The DT_RPATH directories, split at ':', unexpanded. The loader ignores them when RunPath is set.
    /// </summary>
    public IReadOnlyList<string> RPath { get; init; } = [];

    /// <summary>The DT_SONAME, or null.</summary>
    public string? SoName { get; init; }

    /// <summary>The DT_FLAGS_1 word, 0 when absent (DF_1_PIE is 0x08000000).</summary>
    public ulong Flags1 { get; init; }

    /// <summary>
    /// True for a position-independent executable: ET_DYN with an interpreter or with DF_1_PIE. A plain
    /// shared library is not one.
    /// </summary>
    public bool IsPositionIndependentExecutable =>
        Type == ElfFileType.SharedObject && (Interpreter is not null || (Flags1 & 0x0800_0000) != 0);

    /// <summary>
    /// True when nothing else needs loading: no interpreter and no needed libraries (static executables and
    /// static-pie ones, which have a dynamic section for their own relocations only).
    /// </summary>
    public bool IsStaticallyLinked => Interpreter is null && Needed.Count == 0;
}
