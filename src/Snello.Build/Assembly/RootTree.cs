using Microsoft.Extensions.Logging;
using Snello.Oci.FileSystems;

namespace Snello.Build.Assembly;

/// <summary>
/// The image's files as they are assembled, one entry per path. A folder added twice keeps its first
/// metadata (base folders such as <c>/tmp</c> 1777 come first). Any other path added twice takes the later
/// entry: packages are added sorted by name, so the later name wins, as documented; where two packages ship
/// different content a warning names both (dpkg itself would refuse without <c>Replaces</c>).
/// </summary>
internal sealed class RootTree(ILogger logger)
{
    private readonly Dictionary<string, StagedEntry> _entries = new(StringComparer.Ordinal);

    public IEnumerable<StagedEntry> Entries => _entries.Values;

    public int Count => _entries.Count;

    public StagedEntry? Get(string path) => _entries.GetValueOrDefault(path);

    /// <summary>Adds or replaces a path; <paramref name="warn"/> reports differing replacements.</summary>
    public void Add(StagedEntry entry, bool warn = true)
    {
        if (!_entries.TryGetValue(entry.Path, out var existing))
        {
            _entries[entry.Path] = entry;
            return;
        }

        if (existing.Entry.Type == EntryType.Directory && entry.Entry.Type == EntryType.Directory)
        {
            return;
        }

        if (Same(existing, entry))
        {
            return;
        }

        if (warn && existing.Owner != entry.Owner)
        {
            logger.LogWarning("'/{Path}' is shipped by both {First} and {Second} with different content; "
                + "{Second}'s copy is kept (packages are installed in name order)", entry.Path, existing.Owner,
                entry.Owner, entry.Owner);
        }

        if (existing.Entry.Type == EntryType.Directory)
        {
            // A non-folder replacing a folder hides what was below it, as unpacking would.
            var prefix = entry.Path + "/";
            foreach (var below in _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                _entries.Remove(below);
            }
        }

        _entries[entry.Path] = entry;
    }

    private static bool Same(StagedEntry a, StagedEntry b) =>
        a.Entry.Type == b.Entry.Type && a.Entry.Mode == b.Entry.Mode && a.Entry.Uid == b.Entry.Uid
        && a.Entry.Gid == b.Entry.Gid && a.Entry.Type switch
        {
            EntryType.RegularFile => a.Content is not null && b.Content is not null
                && a.Content.AsSpan().SequenceEqual(b.Content),
            EntryType.Symlink or EntryType.Hardlink => a.Entry.LinkTarget == b.Entry.LinkTarget,
            EntryType.CharacterDevice or EntryType.BlockDevice => a.Entry.DeviceMajor == b.Entry.DeviceMajor
                && a.Entry.DeviceMinor == b.Entry.DeviceMinor,
            _ => true,
        };
}
