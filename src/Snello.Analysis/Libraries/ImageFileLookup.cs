using Snello.Analysis.Elf;
using Snello.Oci.FileSystems;

namespace Snello.Analysis.Libraries;

/// <summary>
/// An image's squashed tree as an <see cref="IFileLookup"/>. Metadata comes from the view; content is read
/// ahead in one pass over the layers (<see cref="LoadAsync"/>): the ELF headers of every regular file, the
/// first bytes of each (for shebang lines), and the whole of the small files asked for.
/// </summary>
public sealed class ImageFileLookup : IFileLookup
{
    /// <summary>How many leading bytes of every file are kept, enough for a shebang line.</summary>
    public const int HeadBytes = 256;

    private readonly FileSystemView _view;
    private readonly Dictionary<string, ElfFile> _elves;
    private readonly Dictionary<string, string> _elfErrors;
    private readonly Dictionary<string, byte[]> _heads;
    private readonly Dictionary<string, byte[]> _contents;

    private ImageFileLookup(FileSystemView view, Dictionary<string, ElfFile> elves,
        Dictionary<string, string> elfErrors, Dictionary<string, byte[]> heads, Dictionary<string, byte[]> contents)
    {
        _view = view;
        _elves = elves;
        _elfErrors = elfErrors;
        _heads = heads;
        _contents = contents;
    }

    /// <summary>The view the lookup reads.</summary>
    public FileSystemView View => _view;

    /// <summary>The files whose ELF headers are broken, by canonical path, with the reader's message.</summary>
    public IReadOnlyDictionary<string, string> ElfErrors => _elfErrors;

    /// <summary>
    /// Reads every regular file of <paramref name="view"/> once, layer by layer: ELF headers are parsed, the
    /// first <see cref="HeadBytes"/> bytes kept, and files for which <paramref name="wantsContent"/> says yes
    /// (and of at most <paramref name="maxContentBytes"/>) kept whole.
    /// </summary>
    /// <exception cref="Oci.ImageFormatException">A layer is malformed or fails its digest.</exception>
    public static async Task<ImageFileLookup> LoadAsync(FileSystemView view, Func<FileEntry, bool>? wantsContent,
        long maxContentBytes = 16 << 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var files = view.Walk().Where(e => e.Type is EntryType.RegularFile or EntryType.Hardlink)
            .ToDictionary(e => e.Path, StringComparer.Ordinal);
        Dictionary<string, ElfFile> elves = new(StringComparer.Ordinal);
        Dictionary<string, string> errors = new(StringComparer.Ordinal);
        Dictionary<string, byte[]> heads = new(StringComparer.Ordinal), contents = new(StringComparer.Ordinal);
        await view.ReadContentsAsync(files.Keys, async (names, stream, ct) =>
        {
            var entry = files[names[0]];
            var whole = wantsContent?.Invoke(entry) == true && entry.Size <= maxContentBytes;
            var head = new byte[whole ? entry.Size : Math.Min(HeadBytes, entry.Size)];
            await stream.ReadExactlyAsync(head, ct).ConfigureAwait(false);
            ElfFile? elf = null;
            string? error = null;
            if (ElfReader.IsElf(head))
            {
                try
                {
                    elf = ElfReader.Read(new PrefixedReadStream(head, stream));
                }
                catch (ElfFormatException e)
                {
                    error = e.Message;
                }
            }

            foreach (var name in names)
            {
                var key = "/" + name;
                heads[key] = head.Length <= HeadBytes ? head : head[..HeadBytes];
                if (whole)
                {
                    contents[key] = head;
                }

                if (elf is not null)
                {
                    elves[key] = elf;
                }

                if (error is not null)
                {
                    errors[key] = error;
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        return new ImageFileLookup(view, elves, errors, heads, contents);
    }

    /// <inheritdoc />
    public FileLookupEntry? Stat(string path)
    {
        var entry = _view.Get(path);
        return entry?.Type switch
        {
            null => null,
            EntryType.RegularFile or EntryType.Hardlink => new FileLookupEntry(FileLookupKind.File),
            EntryType.Directory => new FileLookupEntry(FileLookupKind.Directory),
            EntryType.Symlink => new FileLookupEntry(FileLookupKind.Symlink, entry.LinkTarget),
            _ => new FileLookupEntry(FileLookupKind.Other),
        };
    }

    /// <inheritdoc />
    public ElfFile? ReadElf(string path)
    {
        if (_elfErrors.TryGetValue(path, out var error))
        {
            throw new ElfFormatException($"'{path}': {error}");
        }

        return _elves.GetValueOrDefault(path);
    }

    /// <inheritdoc />
    /// <remarks>Only files <see cref="LoadAsync"/> was asked to keep whole are available.</remarks>
    public byte[]? ReadAllBytes(string path) => _contents.GetValueOrDefault(path);

    /// <summary>The first bytes (up to <see cref="HeadBytes"/>) of the file at a canonical path, or null.</summary>
    public byte[]? ReadHead(string path) => _heads.GetValueOrDefault(path);

    /// <inheritdoc />
    public IReadOnlyList<string> List(string path)
    {
        if (_view.Get(path) is not { Type: EntryType.Directory } && path.Trim('/').Length > 0)
        {
            return [];
        }

        return _view.List(path).Select(e => e.Path[(e.Path.LastIndexOf('/') + 1)..]).ToList();
    }
}
