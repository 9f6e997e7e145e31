namespace Snello.Analysis.Elf;

/// <summary>The object file type (e_type).</summary>
public enum ElfFileType
{
    /// <summary>ET_NONE: no type.</summary>
    None = 0,

    /// <summary>ET_REL: a relocatable object.</summary>
    Relocatable = 1,

    /// <summary>ET_EXEC: an executable at fixed addresses.</summary>
    Executable = 2,

    /// <summary>ET_DYN: a shared object, or a position-independent executable.</summary>
    SharedObject = 3,

    /// <summary>ET_CORE: a core dump.</summary>
    Core = 4,
}
