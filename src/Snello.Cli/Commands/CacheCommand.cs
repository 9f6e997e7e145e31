using System.CommandLine;
using System.Globalization;
using Snello.Cli.Rendering;
using Snello.Oci.Caching;

namespace Snello.Cli.Commands;

/// <summary><c>snello cache ls</c> and <c>snello cache prune</c>.</summary>
internal static class CacheCommand
{
    public static Command Create()
    {
        var command = new Command("cache", "List or prune the blob cache (--cache-dir, default " +
            "$XDG_CACHE_HOME/snello).\n\nExamples:\n  snello cache ls\n  snello cache prune --max-size 5G");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Prune());
        return command;
    }

    private static Command List()
    {
        var command = new Command("ls", "List cached blobs, most recently used first.");
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse);
            var entries = context.Cache.List();
            if (context.Format == OutputFormat.Json)
            {
                JsonOutput.Write(w => WriteJson(w, context.CacheRoot, entries));
                return ExitCodes.Success;
            }

            var table = new Table("DIGEST", "SIZE", "LAST USED").AlignRight(1);
            foreach (var e in entries)
            {
                table.Add(e.Digest.ToString(), Sizes.Human(e.Size),
                    e.LastUsed.ToString("u", CultureInfo.InvariantCulture));
            }

            table.Write(context.Out);
            context.Error.WriteLine($"{entries.Count} blobs, {Sizes.Human(entries.Sum(e => e.Size))} in " +
                $"{context.CacheRoot}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Prune()
    {
        var maxSize = new Option<string?>("--max-size")
        {
            Description = "Keep the most recently used blobs up to this size, such as 5G [default: 0, empty it]",
            HelpName = "SIZE",
        };
        var command = new Command("prune", "Delete the least recently used blobs.") { maxSize };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse);
            var limit = parse.GetValue(maxSize) is { } text ? Sizes.Parse(text, "--max-size") : 0;
            var removed = context.Cache.Prune(limit);
            if (context.Format == OutputFormat.Json)
            {
                JsonOutput.Write(w => WriteJson(w, context.CacheRoot, removed));
            }
            else
            {
                context.Out.WriteLine($"Removed {removed.Count} blobs, {Sizes.Human(removed.Sum(e => e.Size))}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteJson(System.Text.Json.Utf8JsonWriter w, string root, IReadOnlyList<CacheEntry> entries)
    {
        w.WriteStartObject();
        w.WriteString("cacheDir", root);
        w.WriteNumber("totalSize", entries.Sum(e => e.Size));
        w.WriteStartArray("blobs");
        foreach (var e in entries)
        {
            w.WriteStartObject();
            w.WriteString("digest", e.Digest.ToString());
            w.WriteNumber("size", e.Size);
            w.WriteString("lastUsed", e.LastUsed.ToString("o", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
