using System.Buffers.Binary;
using System.Text;

namespace Snello.Tests.Analysis.Elf;

/// <summary>
/// Makes tiny ELF files with only what a loader reads: the ELF header, program headers (one PT_LOAD over the
/// whole file, PT_INTERP, PT_DYNAMIC) and a string table. No section headers, as a stripped file.
/// </summary>
internal sealed class ElfBuilder
{
    public bool Is64 { get; init; } = true;

    public bool BigEndian { get; init; }

    public ushort Machine { get; init; } = 62;

    public ushort Type { get; init; } = 3;

    public string? Interpreter { get; init; }

    public IReadOnlyList<string> Needed { get; init; } = [];

    public string? RunPath { get; init; }

    public string? RPath { get; init; }

    public string? SoName { get; init; }

    public bool Dynamic { get; init; } = true;

    public byte[] Build()
    {
        const ulong Base = 0x400000;
        var ehSize = Is64 ? 64 : 52;
        var phSize = Is64 ? 56 : 32;
        var phCount = 1 + (Interpreter is null ? 0 : 1) + (Dynamic ? 1 : 0);
        var strings = new MemoryStream();
        strings.WriteByte(0);
        var offsets = new Dictionary<string, int>();
        foreach (var s in Needed.Concat(new[] { RunPath, RPath, SoName, Interpreter }.OfType<string>()))
        {
            if (!offsets.ContainsKey(s))
            {
                offsets[s] = (int)strings.Length;
                strings.Write(Encoding.UTF8.GetBytes(s));
                strings.WriteByte(0);
            }
        }

        var strtabOffset = ehSize + phSize * phCount;
        var strtab = strings.ToArray();
        var entries = new List<(long Tag, ulong Value)>();
        entries.AddRange(Needed.Select(n => (1L, (ulong)offsets[n])));
        if (RPath is not null) entries.Add((15, (ulong)offsets[RPath]));
        if (RunPath is not null) entries.Add((29, (ulong)offsets[RunPath]));
        if (SoName is not null) entries.Add((14, (ulong)offsets[SoName]));
        entries.Add((5, Base + (ulong)strtabOffset));
        entries.Add((10, (ulong)strtab.Length));
        entries.Add((0, 0));
        var entrySize = Is64 ? 16 : 8;
        var dynamicOffset = strtabOffset + strtab.Length;
        var total = dynamicOffset + (Dynamic ? entries.Count * entrySize : 0);
        var data = new byte[total];
        data[0] = 0x7f; data[1] = (byte)'E'; data[2] = (byte)'L'; data[3] = (byte)'F';
        data[4] = (byte)(Is64 ? 2 : 1);
        data[5] = (byte)(BigEndian ? 2 : 1);
        data[6] = 1;
        U16(data, 16, Type);
        U16(data, 18, Machine);
        U32(data, 20, 1);
        if (Is64)
        {
            U64(data, 32, (ulong)ehSize);
            U16(data, 52, (ushort)ehSize);
            U16(data, 54, (ushort)phSize);
            U16(data, 56, (ushort)phCount);
        }
        else
        {
            U32(data, 28, (uint)ehSize);
            U16(data, 40, (ushort)ehSize);
            U16(data, 42, (ushort)phSize);
            U16(data, 44, (ushort)phCount);
        }

        var at = ehSize;
        Segment(data, at, 1, 0, Base, (ulong)total);
        at += phSize;
        if (Interpreter is not null)
        {
            Segment(data, at, 3, (ulong)(strtabOffset + offsets[Interpreter]), 0,
                (ulong)Encoding.UTF8.GetByteCount(Interpreter) + 1);
            at += phSize;
        }

        if (Dynamic)
        {
            Segment(data, at, 2, (ulong)dynamicOffset, Base + (ulong)dynamicOffset, (ulong)(entries.Count * entrySize));
        }

        strtab.CopyTo(data, strtabOffset);
        for (var i = 0; Dynamic && i < entries.Count; i++)
        {
            var e = dynamicOffset + i * entrySize;
            if (Is64)
            {
                U64(data, e, (ulong)entries[i].Tag);
                U64(data, e + 8, entries[i].Value);
            }
            else
            {
                U32(data, e, (uint)entries[i].Tag);
                U32(data, e + 4, (uint)entries[i].Value);
            }
        }

        return data;
    }

    private void Segment(byte[] data, int at, uint type, ulong offset, ulong address, ulong size)
    {
        U32(data, at, type);
        if (Is64)
        {
            U64(data, at + 8, offset);
            U64(data, at + 16, address);
            U64(data, at + 32, size);
            U64(data, at + 40, size);
        }
        else
        {
            U32(data, at + 4, (uint)offset);
            U32(data, at + 8, (uint)address);
            U32(data, at + 16, (uint)size);
            U32(data, at + 20, (uint)size);
        }
    }

    private void U16(byte[] d, int at, ushort v)
    {
        if (BigEndian) BinaryPrimitives.WriteUInt16BigEndian(d.AsSpan(at), v);
        else BinaryPrimitives.WriteUInt16LittleEndian(d.AsSpan(at), v);
    }

    private void U32(byte[] d, int at, uint v)
    {
        if (BigEndian) BinaryPrimitives.WriteUInt32BigEndian(d.AsSpan(at), v);
        else BinaryPrimitives.WriteUInt32LittleEndian(d.AsSpan(at), v);
    }

    private void U64(byte[] d, int at, ulong v)
    {
        if (BigEndian) BinaryPrimitives.WriteUInt64BigEndian(d.AsSpan(at), v);
        else BinaryPrimitives.WriteUInt64LittleEndian(d.AsSpan(at), v);
    }
}
