using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Snello.Cli.Rendering;
using Snello.Oci.FileSystems;

namespace Snello.Cli.Commands;

/// <summary><c>snello ls IMAGE [PATH]</c>: a long listing of the squashed tree or of one layer.</summary>
internal static class LsCommand
{
    public static Command Create()
    {
        var image = CommonArguments.Image();
        var path = new Argument<string>("PATH")
        {
            Description = "Folder or file to list",
            DefaultValueFactory = _ => "/",
        };
        var platform = CommonArguments.Platform();
        var layer = new Option<int?>("--layer")
        {
            Description = "List what layer N itself holds (0 is the base), whiteouts included",
            HelpName = "N",
        };
        var recursive = new Option<bool>("--recursive", "-R") { Description = "List folders below PATH too" };
        var limits = new LimitOptions();
        var command = new Command("ls", "List files in an image: mode, owner, size, layer and link target.\n\n" +
            "Examples:\n  snello ls oci:out:latest /etc\n  snello ls docker-archive:app.tar -R /usr/lib\n" +
            "  snello ls oci:out:latest --layer 1 -R")
        {
            image, path, platform, layer, recursive,
        };
        limits.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var context = CliContext.From(parse);
            var read = await context.ReadImageAsync(parse.GetValue(image)!, parse.GetValue(platform), ct);
            var view = await FileSystemView.BuildAsync(read, limits.Read(parse), ct);
            var root = TarPathsForCli.Clean(parse.GetValue(path)!);
            var all = parse.GetValue(recursive);
            var (entries, whiteouts) = parse.GetValue(layer) is { } n
                ? FromLayer(view, n, root, all)
                : (FromView(view, root, all), (IReadOnlyList<string>)[]);

            if (context.Format == OutputFormat.Json)
            {
                JsonOutput.Write(w => WriteJson(w, entries, whiteouts));
                return ExitCodes.Success;
            }

            var table = new Table().AlignRight(2, 3);
            foreach (var e in entries)
            {
                table.Add(ModeString(e), Owner(e), SizeOf(e), $"L{e.LayerIndex}",
                    "/" + e.Path + Target(e));
            }

            foreach (var w in whiteouts)
            {
                table.Add("whiteout", "-", "-", "-", "/" + w);
            }

            table.Write(context.Out, showHeaders: false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static List<FileEntry> FromView(FileSystemView view, string root, bool recursive)
    {
        if (root.Length > 0)
        {
            var entry = view.Resolve(root)
                ?? throw new FileNotFoundInImageException(root, "does not exist in the image");
            if (entry.Type != EntryType.Directory)
            {
                return [view.Get(root)!];
            }

            root = entry.Path;
        }

        if (!recursive)
        {
            return view.List(root.Length == 0 ? "/" : root).ToList();
        }

        var prefix = root.Length == 0 ? "" : root + "/";
        return view.Walk().Where(e => e.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }

    private static (List<FileEntry>, IReadOnlyList<string>) FromLayer(FileSystemView view, int n, string root,
        bool recursive)
    {
        if (n < 0 || n >= view.Layers.Count)
        {
            throw new UsageException(
                $"--layer '{n}' is out of range; the image has layers 0 to {view.Layers.Count - 1}");
        }

        var tree = view.Layers[n];
        bool Under(string p)
        {
            if (root.Length == 0)
            {
                return recursive || !p.Contains('/', StringComparison.Ordinal);
            }

            if (!p.StartsWith(root + "/", StringComparison.Ordinal))
            {
                return p == root;
            }

            return recursive || !p[(root.Length + 1)..].Contains('/', StringComparison.Ordinal);
        }

        var entries = tree.Entries.Where(e => Under(e.Path)).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        var whiteouts = tree.Whiteouts.Where(Under).Order(StringComparer.Ordinal).ToList();
        return (entries, whiteouts);
    }

    internal static string ModeString(FileEntry e)
    {
        var type = e.Type switch
        {
            EntryType.Directory => 'd',
            EntryType.Symlink => 'l',
            EntryType.CharacterDevice => 'c',
            EntryType.BlockDevice => 'b',
            EntryType.Fifo => 'p',
            _ => '-',
        };
        var m = e.Mode;
        char Bit(int mask, char c) => (m & mask) != 0 ? c : '-';
        char Special(int exec, int special, char set, char setNoExec) =>
            (m & special) != 0 ? ((m & exec) != 0 ? set : setNoExec) : Bit(exec, 'x');
        return string.Concat(type, Bit(0x100, 'r'), Bit(0x80, 'w'), Special(0x40, 0x800, 's', 'S'),
            Bit(0x20, 'r'), Bit(0x10, 'w'), Special(0x8, 0x400, 's', 'S'),
            Bit(0x4, 'r'), Bit(0x2, 'w'), Special(0x1, 0x200, 't', 'T'));
    }

    private static string Owner(FileEntry e) => string.Create(CultureInfo.InvariantCulture, $"{e.Uid}/{e.Gid}");

    private static string SizeOf(FileEntry e) => e.Type switch
    {
        EntryType.CharacterDevice or EntryType.BlockDevice =>
            string.Create(CultureInfo.InvariantCulture, $"{e.DeviceMajor},{e.DeviceMinor}"),
        _ => e.Size.ToString(CultureInfo.InvariantCulture),
    };

    private static string Target(FileEntry e) => e.Type switch
    {
        EntryType.Symlink => $" -> {e.LinkTarget}",
        EntryType.Hardlink => $" link to /{e.LinkTarget}",
        _ => "",
    };

    private static void WriteJson(Utf8JsonWriter w, List<FileEntry> entries, IReadOnlyList<string> whiteouts)
    {
        w.WriteStartObject();
        w.WriteStartArray("entries");
        foreach (var e in entries)
        {
            w.WriteStartObject();
            w.WriteString("path", "/" + e.Path);
            w.WriteString("type", e.Type.ToString().ToLowerInvariant());
            w.WriteString("mode", Convert.ToString(e.Mode, 8).PadLeft(4, '0'));
            w.WriteNumber("uid", e.Uid);
            w.WriteNumber("gid", e.Gid);
            w.WriteNumber("size", e.Size);
            w.WriteNumber("layer", e.LayerIndex);
            w.WriteStringOrNull("linkTarget", e.LinkTarget);
            w.WriteString("modified", e.ModificationTime.ToString("o", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStringArray("whiteouts", whiteouts.Select(p => "/" + p));
        w.WriteEndObject();
    }
}
