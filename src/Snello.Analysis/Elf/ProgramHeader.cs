namespace Snello.Analysis.Elf;

/// <summary>One program header table entry (gABI ch. 5, "Program Header").</summary>
internal readonly record struct ProgramHeader(uint Type, ulong Offset, ulong VirtualAddress, ulong FileSize)
{
    public const uint Load = 1;
    public const uint Dynamic = 2;
    public const uint Interp = 3;

    public static ProgramHeader Parse(ReadOnlySpan<byte> data, ElfBytes bytes, bool is64) => is64
        ? new(bytes.U32(data, 0), bytes.U64(data, 8), bytes.U64(data, 16), bytes.U64(data, 32))
        : new(bytes.U32(data, 0), bytes.U32(data, 4), bytes.U32(data, 8), bytes.U32(data, 16));
}
