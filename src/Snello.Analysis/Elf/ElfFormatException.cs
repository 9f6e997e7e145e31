namespace Snello.Analysis.Elf;

/// <summary>
/// A file is not an ELF file, or its headers are truncated or point outside the file. The reader throws it
/// instead of reading out of bounds or allocating what a hostile header asks for.
/// </summary>
public sealed class ElfFormatException : Exception
{
    /// <summary>Creates the exception with a message that names the bad value and the expected form.</summary>
    public ElfFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure beneath it.</summary>
    public ElfFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ElfFormatException()
        : base("the file is not a readable ELF file")
    {
    }
}
