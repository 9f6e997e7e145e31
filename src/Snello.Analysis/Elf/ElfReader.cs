using System.Text;

namespace Snello.Analysis.Elf;

/// <summary>
/// Reads what loading needs from an ELF file through its program headers only (System V gABI ch. 5): the
/// ELF header, the program header table, PT_INTERP and the PT_DYNAMIC entries, with strings taken from
/// DT_STRTAB mapped to a file offset through the PT_LOAD segments. Section headers are never read, so files
/// stripped of them read the same. Every offset and size a header gives is checked against the file and
/// against fixed ceilings before anything is allocated.
/// </summary>
public static partial class ElfReader
{
    /// <summary>The length of e_ident, and the bytes <see cref="IsElf"/> needs.</summary>
    public const int IdentSize = 16;

    private const int MaxProgramHeaderBytes = 1 << 20;
    private const int MaxDynamicBytes = 1 << 20;
    private const int MaxStringTableBytes = 16 << 20;
    private const int MaxInterpreterBytes = 4096;

    /// <summary>True when <paramref name="head"/> starts with the ELF magic, 0x7f 'E' 'L' 'F'.</summary>
    public static bool IsElf(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 0x7f && head[1] == (byte)'E' && head[2] == (byte)'L' && head[3] == (byte)'F';

    /// <summary>Reads the ELF file at <paramref name="path"/> on the host, touching only its headers.</summary>
    /// <exception cref="ElfFormatException">
    /// The file is not ELF, or its headers are truncated or out of bounds.
    /// </exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ElfFile ReadFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0,
            FileOptions.RandomAccess);
        return Read(stream);
    }

    /// <summary>Reads an ELF file held in memory.</summary>
    /// <exception cref="ElfFormatException">
    /// The bytes are not ELF, or their headers are truncated or out of bounds.
    /// </exception>
    public static ElfFile Read(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var stream = new MemoryStream(data, writable: false);
        return Read(stream);
    }

    /// <summary>
    /// Reads an ELF file from <paramref name="stream"/>, which is positioned at the file's start. A seekable
    /// stream is read at the offsets the headers give; a forward-only one is read as far as the furthest
    /// header, and not beyond.
    /// </summary>
    /// <exception cref="ElfFormatException">
    /// The stream is not ELF, or its headers are truncated or out of bounds.
    /// </exception>
    /// <exception cref="IOException">The stream fails.</exception>
    public static ElfFile Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = new ElfBytes(stream, bigEndian: false);
        var ident = bytes.Read(0, IdentSize, "ELF identification");
        if (!IsElf(ident))
        {
            throw new ElfFormatException($"the file starts with '{Convert.ToHexString(ident, 0, 4)}'; expected " +
                "the ELF magic '7F454C46'");
        }

        var elfClass = ident[4] switch
        {
            1 => ElfClass.Elf32,
            2 => ElfClass.Elf64,
            _ => throw new ElfFormatException($"EI_CLASS is {ident[4]}; expected 1 (32-bit) or 2 (64-bit)"),
        };
        bytes.BigEndian = ident[5] switch
        {
            1 => false,
            2 => true,
            _ => throw new ElfFormatException($"EI_DATA is {ident[5]}; expected 1 (little-endian) or 2 (big-endian)"),
        };

        var is64 = elfClass == ElfClass.Elf64;
        var header = new ElfHeader(bytes.Read(0, is64 ? 64 : 52, "ELF header"), bytes, is64);
        var segments = ReadProgramHeaders(bytes, header);
        var file = new ElfFile
        {
            Class = elfClass,
            IsBigEndian = bytes.BigEndian,
            Machine = (ElfMachine)header.Machine,
            Type = header.Type <= 4 ? (ElfFileType)header.Type : ElfFileType.None,
            OsAbi = ident[7],
        };

        if (segments.FirstOrDefault(s => s.Type == ProgramHeader.Interp) is { Type: ProgramHeader.Interp } interp)
        {
            file = file with { Interpreter = ReadInterpreter(bytes, interp) };
        }

        if (segments.FirstOrDefault(s => s.Type == ProgramHeader.Dynamic) is { Type: ProgramHeader.Dynamic } dynamic)
        {
            file = ReadDynamic(bytes, is64, dynamic, segments, file with { HasDynamicSection = true });
        }

        return file;
    }

    private static List<ProgramHeader> ReadProgramHeaders(ElfBytes bytes, ElfHeader header)
    {
        var minimum = header.Is64 ? 56 : 32;
        if (header.ProgramHeaderCount == 0)
        {
            return [];
        }

        if (header.ProgramHeaderCount == 0xffff)
        {
            // PN_XNUM moves the real count into section header 0, which a program-header reader cannot trust.
            throw new ElfFormatException("e_phnum is PN_XNUM (0xffff); expected fewer than 65535 program headers");
        }

        if (header.ProgramHeaderSize < minimum)
        {
            throw new ElfFormatException($"e_phentsize is {header.ProgramHeaderSize}; expected at least {minimum}");
        }

        var total = (long)header.ProgramHeaderSize * header.ProgramHeaderCount;
        if (total > MaxProgramHeaderBytes || header.ProgramHeaderOffset > long.MaxValue)
        {
            throw new ElfFormatException($"the program header table ({total} bytes at offset " +
                $"{header.ProgramHeaderOffset}) is out of bounds; expected at most {MaxProgramHeaderBytes} bytes");
        }

        var table = bytes.Read((long)header.ProgramHeaderOffset, (int)total, "program header table");
        var segments = new List<ProgramHeader>(header.ProgramHeaderCount);
        for (var i = 0; i < header.ProgramHeaderCount; i++)
        {
            segments.Add(ProgramHeader.Parse(table.AsSpan(i * header.ProgramHeaderSize, minimum), bytes, header.Is64));
        }

        return segments;
    }

    private static string ReadInterpreter(ElfBytes bytes, ProgramHeader interp)
    {
        if (interp.FileSize > MaxInterpreterBytes || interp.Offset > long.MaxValue)
        {
            throw new ElfFormatException($"PT_INTERP is {interp.FileSize} bytes at offset {interp.Offset}; " +
                $"expected a path of at most {MaxInterpreterBytes} bytes inside the file");
        }

        var raw = bytes.Read((long)interp.Offset, (int)interp.FileSize, "PT_INTERP segment");
        return CString(raw, 0);
    }

    /// <summary>The NUL-terminated string at <paramref name="start"/> (to the end if none ends it).</summary>
    private static string CString(ReadOnlySpan<byte> data, int start)
    {
        var rest = data[start..];
        var end = rest.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
    }
}
