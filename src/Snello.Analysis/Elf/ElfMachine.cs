namespace Snello.Analysis.Elf;

/// <summary>
/// The architecture an ELF file is built for (e_machine, System V ABI gABI ch. 4). Values not named here
/// still read; they print as their number.
/// </summary>
public enum ElfMachine
{
    /// <summary>EM_NONE.</summary>
    None = 0,

    /// <summary>EM_386: Intel 80386 and later, 32-bit.</summary>
    X86 = 3,

    /// <summary>EM_MIPS.</summary>
    Mips = 8,

    /// <summary>EM_PPC: 32-bit PowerPC.</summary>
    PowerPC = 20,

    /// <summary>EM_PPC64: 64-bit PowerPC.</summary>
    PowerPC64 = 21,

    /// <summary>EM_S390: IBM S/390 and z/Architecture.</summary>
    S390 = 22,

    /// <summary>EM_ARM: 32-bit Arm.</summary>
    Arm = 40,

    /// <summary>EM_X86_64: AMD64.</summary>
    Amd64 = 62,

    /// <summary>EM_AARCH64: 64-bit Arm.</summary>
    AArch64 = 183,

    /// <summary>EM_RISCV.</summary>
    RiscV = 243,

    /// <summary>EM_LOONGARCH.</summary>
    LoongArch = 258,
}
