using Snello.Analysis.Elf;

namespace Snello.Tests.Analysis.Elf;

public sealed class ElfReaderTests
{
    [Fact]
    public void Read_gives_interpreter_needed_run_path_and_soname_of_a_64_bit_little_endian_file()
    {
        var data = new ElfBuilder
        {
            Interpreter = "/lib64/ld-linux-x86-64.so.2",
            Needed = ["libfoo.so.1", "libc.so.6"],
            RunPath = "$ORIGIN/../lib:/opt/lib",
            SoName = "libapp.so.2",
        }.Build();

        var elf = ElfReader.Read(data);

        Assert.Equal(ElfClass.Elf64, elf.Class);
        Assert.False(elf.IsBigEndian);
        Assert.Equal(ElfMachine.Amd64, elf.Machine);
        Assert.Equal(ElfFileType.SharedObject, elf.Type);
        Assert.Equal("/lib64/ld-linux-x86-64.so.2", elf.Interpreter);
        Assert.Equal(["libfoo.so.1", "libc.so.6"], elf.Needed);
        Assert.Equal(["$ORIGIN/../lib", "/opt/lib"], elf.RunPath);
        Assert.Empty(elf.RPath);
        Assert.Equal("libapp.so.2", elf.SoName);
        Assert.True(elf.IsPositionIndependentExecutable);
        Assert.False(elf.IsStaticallyLinked);
    }

    [Fact]
    public void Read_handles_32_bit_big_endian_files()
    {
        var data = new ElfBuilder { Is64 = false, BigEndian = true, Machine = 8, Type = 2, RPath = "/usr/local/lib",
            Needed = ["libm.so.6"] }.Build();

        var elf = ElfReader.Read(data);

        Assert.Equal(ElfClass.Elf32, elf.Class);
        Assert.True(elf.IsBigEndian);
        Assert.Equal(ElfMachine.Mips, elf.Machine);
        Assert.Equal(ElfFileType.Executable, elf.Type);
        Assert.Equal(["libm.so.6"], elf.Needed);
        Assert.Equal(["/usr/local/lib"], elf.RPath);
        Assert.Null(elf.Interpreter);
    }

    [Fact]
    public void Read_reports_a_file_without_dynamic_segment_as_static()
    {
        var elf = ElfReader.Read(new ElfBuilder { Type = 2, Dynamic = false }.Build());

        Assert.False(elf.HasDynamicSection);
        Assert.True(elf.IsStaticallyLinked);
        Assert.False(elf.IsPositionIndependentExecutable);
    }

    [Fact]
    public void Read_from_a_forward_only_stream_gives_the_same_result()
    {
        var data = new ElfBuilder { Interpreter = "/lib/ld.so", Needed = ["liba.so"] }.Build();

        var elf = ElfReader.Read(new ForwardOnlyStream(data));

        Assert.Equal(["liba.so"], elf.Needed);
        Assert.Equal("/lib/ld.so", elf.Interpreter);
    }

    [Fact]
    public void Read_refuses_a_file_without_the_magic()
    {
        var e = Assert.Throws<ElfFormatException>(() => ElfReader.Read("#!/bin/sh\necho hi\n"u8.ToArray()));

        Assert.Contains("7F454C46", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_refuses_every_truncation_without_crashing()
    {
        var data = new ElfBuilder { Interpreter = "/lib/ld.so", Needed = ["liba.so"], RunPath = "/x" }.Build();

        for (var length = 0; length < data.Length; length++)
        {
            var cut = data[..length];
            var error = Record.Exception(() => ElfReader.Read(cut));
            Assert.True(error is null or ElfFormatException, $"length {length}: {error}");
        }
    }

    [Fact]
    public void Read_refuses_a_program_header_table_far_outside_the_file_without_allocating_it()
    {
        var data = new ElfBuilder { Needed = ["liba.so"] }.Build();
        BitConverter.GetBytes(0x7fff_ffff_0000L).CopyTo(data, 32);

        Assert.Throws<ElfFormatException>(() => ElfReader.Read(new ForwardOnlyStream(data)));
        Assert.Throws<ElfFormatException>(() => ElfReader.Read(data));
    }

    [Fact]
    public void Read_refuses_a_string_offset_past_the_string_table()
    {
        var data = new ElfBuilder { Needed = ["liba.so"] }.Build();
        var elf = ElfReader.Read(data);
        Assert.Equal(["liba.so"], elf.Needed);

        // The first dynamic entry is DT_NEEDED; point its value far past DT_STRSZ.
        var dynamicOffset = data.Length - 16 * 4;
        BitConverter.GetBytes(1_000_000UL).CopyTo(data, dynamicOffset + 8);

        var e = Assert.Throws<ElfFormatException>(() => ElfReader.Read(data));
        Assert.Contains("DT_NEEDED", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_reads_the_host_ls_and_libc()
    {
        if (!File.Exists("/bin/ls") || !File.Exists("/usr/lib/x86_64-linux-gnu/libc.so.6"))
        {
            Assert.Skip("the host has no /bin/ls or x86-64 glibc");
        }

        var ls = ElfReader.ReadFile("/bin/ls");
        var libc = ElfReader.ReadFile("/usr/lib/x86_64-linux-gnu/libc.so.6");

        Assert.Equal("/lib64/ld-linux-x86-64.so.2", ls.Interpreter);
        Assert.Contains("libc.so.6", ls.Needed);
        Assert.True(ls.IsPositionIndependentExecutable);
        Assert.Equal("libc.so.6", libc.SoName);
        Assert.Contains(libc.Needed, n => n.StartsWith("ld-linux", StringComparison.Ordinal));
    }

    private sealed class ForwardOnlyStream(byte[] data) : Snello.Oci.IO.ForwardReadStream
    {
        private int _position;

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, Math.Min(data.Length - _position, 7));
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }
}
