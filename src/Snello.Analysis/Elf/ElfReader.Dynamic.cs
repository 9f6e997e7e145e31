namespace Snello.Analysis.Elf;

/// <summary>The dynamic section: needed libraries, search paths and the soname.</summary>
public static partial class ElfReader
{
    private const long DtNull = 0;
    private const long DtNeeded = 1;
    private const long DtStrTab = 5;
    private const long DtStrSize = 10;
    private const long DtSoName = 14;
    private const long DtRPath = 15;
    private const long DtRunPath = 29;
    private const long DtFlags1 = 0x6fff_fffb;

    private static ElfFile ReadDynamic(ElfBytes bytes, bool is64, ProgramHeader dynamic,
        List<ProgramHeader> segments, ElfFile file)
    {
        if (dynamic.FileSize > MaxDynamicBytes || dynamic.Offset > long.MaxValue)
        {
            throw new ElfFormatException($"PT_DYNAMIC is {dynamic.FileSize} bytes at offset {dynamic.Offset}; " +
                $"expected at most {MaxDynamicBytes} bytes inside the file");
        }

        var raw = bytes.Read((long)dynamic.Offset, (int)dynamic.FileSize, "PT_DYNAMIC segment");
        var entrySize = is64 ? 16 : 8;
        var entries = new List<(long Tag, ulong Value)>();
        for (var at = 0; at + entrySize <= raw.Length; at += entrySize)
        {
            var tag = is64 ? (long)bytes.U64(raw, at) : (int)bytes.U32(raw, at);
            var value = is64 ? bytes.U64(raw, at + 8) : bytes.U32(raw, at + 4);
            if (tag == DtNull)
            {
                break;
            }

            entries.Add((tag, value));
        }

        var strtab = entries.FirstOrDefault(e => e.Tag == DtStrTab);
        var strsz = entries.FirstOrDefault(e => e.Tag == DtStrSize);
        var flags1 = entries.FirstOrDefault(e => e.Tag == DtFlags1).Value;
        var needsStrings = entries.Any(e => e.Tag is DtNeeded or DtSoName or DtRPath or DtRunPath);
        if (!needsStrings)
        {
            return file with { Flags1 = flags1 };
        }

        if (strtab.Tag != DtStrTab)
        {
            throw new ElfFormatException("the dynamic section names libraries or paths but has no DT_STRTAB; " +
                "expected a string table for them");
        }

        var strings = ReadStringTable(bytes, strtab.Value, strsz.Tag == DtStrSize ? strsz.Value : null, segments);
        var needed = new List<string>();
        List<string> runPath = [], rPath = [];
        string? soName = null;
        foreach (var (tag, value) in entries)
        {
            switch (tag)
            {
                case DtNeeded:
                    needed.Add(StringAt(strings, value, "DT_NEEDED"));
                    break;
                case DtSoName:
                    soName = StringAt(strings, value, "DT_SONAME");
                    break;
                case DtRPath:
                    rPath.AddRange(SplitPath(StringAt(strings, value, "DT_RPATH")));
                    break;
                case DtRunPath:
                    runPath.AddRange(SplitPath(StringAt(strings, value, "DT_RUNPATH")));
                    break;
                default:
                    break;
            }
        }

        return file with { Needed = needed, RunPath = runPath, RPath = rPath, SoName = soName, Flags1 = flags1 };
    }

    private static byte[] ReadStringTable(ElfBytes bytes, ulong address, ulong? size, List<ProgramHeader> segments)
    {
        // DT_STRTAB holds a virtual address (gABI ch. 5, "Dynamic Section"): the PT_LOAD segment that maps it
        // gives the file offset.
        var load = segments.FirstOrDefault(s => s.Type == ProgramHeader.Load && address >= s.VirtualAddress
            && address - s.VirtualAddress < s.FileSize);
        if (load.Type != ProgramHeader.Load)
        {
            throw new ElfFormatException($"DT_STRTAB address 0x{address:x} lies in no PT_LOAD segment's file " +
                "content; expected a string table the file holds");
        }

        var offset = load.Offset + (address - load.VirtualAddress);
        var available = load.FileSize - (address - load.VirtualAddress);
        var length = Math.Min(size ?? available, available);
        if (length > MaxStringTableBytes || offset > long.MaxValue)
        {
            throw new ElfFormatException($"the dynamic string table is {length} bytes at offset {offset}; " +
                $"expected at most {MaxStringTableBytes} bytes inside the file");
        }

        return bytes.Read((long)offset, (int)length, "dynamic string table");
    }

    private static string StringAt(byte[] strings, ulong offset, string tag) =>
        offset < (ulong)strings.Length
            ? CString(strings, (int)offset)
            : throw new ElfFormatException($"{tag} points to string offset {offset}; expected an offset below " +
                $"the string table's size {strings.Length}");

    private static string[] SplitPath(string value) =>
        value.Split(':', StringSplitOptions.RemoveEmptyEntries);
}
