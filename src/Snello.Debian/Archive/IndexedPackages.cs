using System.Collections;
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
    /// <param name="text">The file's bytes (UTF-8).</param>
    /// <param name="source">The file's name or URL, for messages.</param>
    public void Add(byte[] text, string source)
    {
        var file = _files.Count;
        _files.Add((text, source));
        var span = text.AsSpan();
        var start = -1;
        string? name = null;
        StringBuilder? provides = null;
        var inProvides = false;
        var pos = 0;
        while (pos <= span.Length)
        {
            var newline = pos < span.Length ? span[pos..].IndexOf((byte)'\n') : -1;
            var end = newline < 0 ? span.Length : pos + newline;
            var line = span[pos..end].TrimEnd((byte)'\r');
            if (line.IndexOfAnyExcept(" \t"u8) < 0)
            {
                if (start >= 0)
                {
                    Finish(file, start, pos - start, name, provides?.ToString());
                    (start, name, provides, inProvides) = (-1, null, null, false);
                }
            }
            else
            {
                start = start < 0 ? pos : start;
                if (line[0] is (byte)' ' or (byte)'\t')
                {
                    provides = inProvides ? provides!.Append(',').Append(Encoding.UTF8.GetString(line)) : provides;
                }
                else if (line.StartsWith("Package:"u8))
                {
                    name = Encoding.UTF8.GetString(line["Package:".Length..].Trim(" \t"u8));
                    inProvides = false;
                }
                else if (line.StartsWith("Provides:"u8))
                {
                    provides = new StringBuilder(Encoding.UTF8.GetString(line["Provides:".Length..]));
                    inProvides = true;
                }
                else
                {
                    inProvides = line[0] == (byte)'#' && inProvides;
                }
            }

            pos = end + 1;
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

    private void Finish(int file, int start, int length, string? name, string? provides)
    {
        var index = _stanzas.Count;
        _stanzas.Add((file, start, length));
        if (name is not null)
        {
            Append(_byName, name, index);
        }

        foreach (var entry in (provides ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            // 'name (= version)': the name ends at the first blank or parenthesis.
            var cut = entry.IndexOfAny([' ', '\t', '(']);
            var provided = cut < 0 ? entry : entry[..cut];
            if (provided.Length > 0)
            {
                Append(_byProvided, provided, index);
            }
        }
    }

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
