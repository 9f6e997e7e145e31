namespace Snello.Analysis.Elf;

/// <summary>The fields of the ELF header the reader uses (gABI ch. 4, "ELF Header").</summary>
internal readonly struct ElfHeader
{
    public ElfHeader(ReadOnlySpan<byte> data, ElfBytes bytes, bool is64)
    {
        Is64 = is64;
        Type = bytes.U16(data, 16);
        Machine = bytes.U16(data, 18);
        ProgramHeaderOffset = is64 ? bytes.U64(data, 32) : bytes.U32(data, 28);
        ProgramHeaderSize = bytes.U16(data, is64 ? 54 : 42);
        ProgramHeaderCount = bytes.U16(data, is64 ? 56 : 44);
    }

    public bool Is64 { get; }

    public ushort Type { get; }

    public ushort Machine { get; }

    public ulong ProgramHeaderOffset { get; }

    public ushort ProgramHeaderSize { get; }

    public ushort ProgramHeaderCount { get; }
}
