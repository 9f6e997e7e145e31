namespace Snello.Analysis.Elf;

/// <summary>The word size of an ELF file (e_ident[EI_CLASS]).</summary>
public enum ElfClass
{
    /// <summary>ELFCLASS32: 32-bit addresses and offsets.</summary>
    Elf32 = 1,

    /// <summary>ELFCLASS64: 64-bit addresses and offsets.</summary>
    Elf64 = 2,
}
