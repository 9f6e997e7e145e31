using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;
using Snello.Debian.Control;
using Snello.Debian.Packages;

namespace Snello.Debian.Archive;

/// <summary>
/// The stanzas of one or more decompressed Packages files, found by a fast scan of their bytes and parsed
/// into <see cref="PackageRecord"/>s only when asked for.
/// </summary>
/// <remarks>
/// bookworm's main index holds 63,000 stanzas (50 MB); parsing them all takes over a second, while a build
/// needs a few hundred. The scan reads only each stanza's bounds and its <c>Package</c> and <c>Provides</c>
/// lines, so lookups by name and by provided name need no parsing. A malformed stanza is therefore reported
/// when it is first read, not when the index loads.
/// </remarks>
internal sealed class IndexedPackages : IReadOnlyList<PackageRecord>
{
    private readonly List<(byte[] Text, string Source)> _files = [];
    private readonly List<(int File, int Start, int Length)> _stanzas = [];
    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byProvided = new(StringComparer.Ordinal);
    private static readonly char[] NameEnd = [' ', '\t', '('];
    private PackageRecord?[] _parsed = [];

    public int Count => _stanzas.Count;

    public PackageRecord this[int index]
    {
        get
        {
            // Records are immutable and parsing is deterministic, so a race only parses a stanza twice.
            return _parsed[index] ??= Parse(index);
        }
    }

    /// <summary>Adds the stanzas of one decompressed Packages file.</summary>
    /// <remarks>
    /// Stanzas are split at empty lines, as the archive tools write them; the few lines of other files'
    /// habits (blank lines holding spaces, carriage returns) are left to the full parse of each stanza.
    /// The scan and its helpers are compiled optimised at once: at the JIT's first tier, whose code a busy
    /// machine may run for seconds before the background recompilation catches up, it takes over half a second.
    /// </remarks>
    /// <param name="text">The file's bytes (UTF-8).</param>
    /// <param name="source">The file's name or URL, for messages.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(byte[] text, string source)
    {
        var file = _files.Count;
        _files.Add((text, source));
        var span = text.AsSpan();
        var pos = 0;
        while (pos < span.Length)
        {
            if (span[pos] == (byte)'\n')
            {
                pos++;
                continue;
            }

            var separator = span[pos..].IndexOf("\n\n"u8);
            var length = separator < 0 ? span.Length - pos : separator + 1;
            var stanza = span.Slice(pos, length);
            Finish(file, pos, length, Field(stanza, "Package:"u8), Field(stanza, "Provides:"u8));
            pos += length;
        }

        _parsed = new PackageRecord?[_stanzas.Count];
    }

    /// <summary>The records whose <c>Package</c> is the name.</summary>
    public IReadOnlyList<PackageRecord> Named(string name) => Lookup(_byName, name);

    /// <summary>The records whose <c>Provides</c> lists the name.</summary>
    public IReadOnlyList<PackageRecord> Providing(string name) => Lookup(_byProvided, name);

    public IEnumerator<PackageRecord> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private List<PackageRecord> Lookup(Dictionary<string, List<int>> table, string name) =>
        table.TryGetValue(name, out var found) ? found.ConvertAll(i => this[i]) : [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Finish(int file, int start, int length, string? name, string? provides)
    {
        var index = _stanzas.Count;
        _stanzas.Add((file, start, length));
        if (name is not null)
        {
            Append(_byName, name, index);
        }

        if (provides is null)
        {
            return;
        }

        foreach (var entry in provides.Split(',', StringSplitOptions.TrimEntries))
        {
            // 'name (= version)': the name ends at the first blank or parenthesis.
            var cut = entry.IndexOfAny(NameEnd);
            var provided = cut < 0 ? entry : entry[..cut];
            if (provided.Length > 0)
            {
                Append(_byProvided, provided, index);
            }
        }
    }

    // The value of a field in a stanza, continuation lines joined with commas (enough for Package and
    // Provides, whose values are comma-separated lists), or null when absent.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Field(ReadOnlySpan<byte> stanza, ReadOnlySpan<byte> name)
    {
        int at;
        if (stanza.StartsWith(name))
        {
            at = 0;
        }
        else
        {
            var found = stanza.IndexOf(name);
            while (found > 0 && stanza[found - 1] != (byte)'\n')
            {
                var next = stanza[(found + 1)..].IndexOf(name);
                found = next < 0 ? -1 : found + 1 + next;
            }

            if (found < 0)
            {
                return null;
            }

            at = found;
        }

        var rest = stanza[(at + name.Length)..];
        var end = rest.IndexOf((byte)'\n');
        if (end < 0 || end + 1 >= rest.Length || rest[end + 1] is not ((byte)' ' or (byte)'\t'))
        {
            // The common case, one line: no builder.
            return Encoding.UTF8.GetString((end < 0 ? rest : rest[..end]).Trim(" \t\r"u8));
        }

        var value = new StringBuilder();
        while (true)
        {
            var newline = rest.IndexOf((byte)'\n');
            var line = (newline < 0 ? rest : rest[..newline]).Trim(" \t\r"u8);
            value.Append(value.Length > 0 && line.Length > 0 ? "," : "").Append(Encoding.UTF8.GetString(line));
            if (newline < 0 || newline + 1 >= rest.Length || rest[newline + 1] is not ((byte)' ' or (byte)'\t'))
            {
                return value.ToString();
            }

            rest = rest[(newline + 1)..];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Append(Dictionary<string, List<int>> table, string key, int index)
    {
        if (!table.TryGetValue(key, out var list))
        {
            table[key] = list = [];
        }

        if (list.Count == 0 || list[^1] != index)
        {
            list.Add(index);
        }
    }

    private PackageRecord Parse(int index)
    {
        var (file, start, length) = _stanzas[index];
        var (text, source) = _files[file];
        var stanza = Encoding.UTF8.GetString(text, start, length);
        var paragraphs = Deb822Reader.Parse(stanza, $"{source} (byte {start})");
        return PackageRecord.FromParagraph(paragraphs[0]);
    }
}
