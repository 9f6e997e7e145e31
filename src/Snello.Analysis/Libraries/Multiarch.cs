using Snello.Analysis.Elf;

namespace Snello.Analysis.Libraries;

/// <summary>
/// What the loader of each architecture calls its own: the Debian multiarch triplet (its libraries live in
/// /lib/TRIPLET and /usr/lib/TRIPLET), what '$LIB' and '$PLATFORM' expand to (ld.so(8), "Dynamic string
/// tokens"), and the default directories searched last.
/// </summary>
public static class Multiarch
{
    /// <summary>The multiarch triplet of an ELF file's machine and class, or null when Debian has none.</summary>
    public static string? Triplet(ElfMachine machine, ElfClass elfClass, bool bigEndian = false) =>
        (machine, elfClass) switch
        {
            (ElfMachine.Amd64, ElfClass.Elf64) => "x86_64-linux-gnu",
            (ElfMachine.Amd64, ElfClass.Elf32) => "x86_64-linux-gnux32",
            (ElfMachine.X86, _) => "i386-linux-gnu",
            (ElfMachine.AArch64, _) => "aarch64-linux-gnu",
            (ElfMachine.Arm, _) => "arm-linux-gnueabihf",
            (ElfMachine.PowerPC64, _) => bigEndian ? "powerpc64-linux-gnu" : "powerpc64le-linux-gnu",
            (ElfMachine.PowerPC, _) => "powerpc-linux-gnu",
            (ElfMachine.S390, ElfClass.Elf64) => "s390x-linux-gnu",
            (ElfMachine.RiscV, ElfClass.Elf64) => "riscv64-linux-gnu",
            (ElfMachine.Mips, ElfClass.Elf64) => bigEndian ? "mips64-linux-gnuabi64" : "mips64el-linux-gnuabi64",
            (ElfMachine.Mips, ElfClass.Elf32) => bigEndian ? "mips-linux-gnu" : "mipsel-linux-gnu",
            (ElfMachine.LoongArch, ElfClass.Elf64) => "loongarch64-linux-gnu",
            _ => null,
        };

    /// <summary>
    /// The values '$PLATFORM' takes: what AT_PLATFORM reports on that machine (the kernel's uname machine,
    /// 'i686' on 32-bit x86).
    /// </summary>
    public static string Platform(ElfMachine machine, ElfClass elfClass) => (machine, elfClass) switch
    {
        (ElfMachine.Amd64, _) => "x86_64",
        (ElfMachine.X86, _) => "i686",
        (ElfMachine.AArch64, _) => "aarch64",
        (ElfMachine.Arm, _) => "v7l",
        (ElfMachine.PowerPC64, _) => "power8",
        (ElfMachine.S390, _) => "s390x",
        (ElfMachine.RiscV, _) => "riscv64",
        _ => machine.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// The values '$LIB' may take: Debian's loader uses 'lib/TRIPLET'; other distributions use 'lib64' on
    /// 64-bit machines and 'lib' elsewhere. Each is tried in turn.
    /// </summary>
    public static IReadOnlyList<string> Lib(ElfMachine machine, ElfClass elfClass, bool bigEndian = false)
    {
        var values = new List<string>();
        if (Triplet(machine, elfClass, bigEndian) is { } triplet)
        {
            values.Add("lib/" + triplet);
        }

        values.Add(elfClass == ElfClass.Elf64 ? "lib64" : "lib");
        return values;
    }

    /// <summary>
    /// The directories searched after RUNPATH and the cache: the multiarch ones first (Debian), then lib64 on
    /// 64-bit machines (Fedora, and Debian's link to the interpreter), then /lib and /usr/lib.
    /// </summary>
    public static IReadOnlyList<string> DefaultDirectories(ElfMachine machine, ElfClass elfClass,
        bool bigEndian = false)
    {
        var directories = new List<string>();
        if (Triplet(machine, elfClass, bigEndian) is { } triplet)
        {
            directories.Add("/lib/" + triplet);
            directories.Add("/usr/lib/" + triplet);
        }

        if (elfClass == ElfClass.Elf64)
        {
            directories.Add("/lib64");
            directories.Add("/usr/lib64");
        }

        directories.Add("/lib");
        directories.Add("/usr/lib");
        return directories;
    }
}
