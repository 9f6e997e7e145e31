using System.CommandLine;
using System.Text;
using Snello.Build.Slimming;
using Snello.Cli.Rendering;
using Snello.Oci.Transports;

namespace Snello.Cli.Commands;

/// <summary><c>snello slim IMAGE --output TRANSPORT:REF</c>: only what the entrypoint needs.</summary>
internal static class SlimCommand
{
    public static Command Create()
    {
        var image = CommonArguments.Image();
        var platform = CommonArguments.Platform();
        var output = new Option<string>("--output", "-o")
        {
            Description = "Where to write the slimmed image, TRANSPORT:REF",
            HelpName = "TRANSPORT:REF",
            Required = true,
        };
        var keep = new Option<string[]>("--keep")
        {
            Description = "Keep paths matching GLOB whatever the analysis says ('*' within a name, '**' across " +
                "folders; a folder keeps what is under it); repeatable",
            HelpName = "GLOB",
            AllowMultipleArgumentsPerToken = false,
        };
        var report = new Option<string?>("--report")
        {
            Description = "Write every kept and removed path with its reason to FILE (JSON with --format json)",
            HelpName = "FILE",
        };
        var command = new Command("slim", "Keep only what an image's entrypoint needs.\n\n" +
            "The entrypoint and cmd program (found through the config's PATH), script interpreters from shebang " +
            "lines, the ELF libraries they load (RPATH, RUNPATH, $ORIGIN, ld.so.conf, multiarch defaults), " +
            "what glibc, .NET and Python open at run time, CA certificates, time zones, passwd, group, " +
            "nsswitch.conf and os-release stay; package records are cut to the packages still present. The " +
            "result is one layer with the source's config. Nothing is written when slimming fails.\n\n" +
            "Examples:\n  snello slim docker-daemon:app:1.0 --output docker-daemon:app:slim\n" +
            "  snello slim oci:out:app -o oci-archive:slim.tar --keep '/usr/share/app/**' --report removed.txt")
        {
            image, platform, output, keep, report,
        };
        command.SetAction(async (parse, ct) =>
        {
            var context = CliContext.From(parse);
            var to = CliContext.ParseLocation(parse.GetValue(output)!);
            var writer = ImageTransports.OpenWriter(to, context.Transports);
            var source = await context.ReadImageAsync(parse.GetValue(image)!, parse.GetValue(platform), ct);
            var options = new SlimOptions
            {
                Cache = context.Cache,
                Keep = parse.GetValue(keep) ?? [],
                Logger = context.Logger,
            };
            var result = await ImageSlimmer.SlimAsync(source, options, ct);
            var written = await writer.WriteAsync(result.Image, ct);
            if (parse.GetValue(report) is { } file)
            {
                await WriteReportAsync(file, result.Report, context.Format == OutputFormat.Json, ct);
            }

            Render(context, result.Report, to, written);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteReportAsync(string file, SlimReport report, bool json, CancellationToken ct)
    {
        var temp = file + ".partial";
        if (json)
        {
            var stream = File.Create(temp);
            await using (stream)
            {
                using var writer = new System.Text.Json.Utf8JsonWriter(stream, new() { Indented = true });
                WriteJson(writer, report);
            }
        }
        else
        {
            var text = new StringBuilder();
            foreach (var path in report.Removed)
            {
                text.Append("removed\t").Append(path.Path).Append('\t').Append(path.Reason).Append('\n');
            }

            foreach (var path in report.Kept)
            {
                text.Append("kept\t").Append(path.Path).Append('\t').Append(path.Reason).Append('\n');
            }

            await File.WriteAllTextAsync(temp, text.ToString(), ct);
        }

        File.Move(temp, file, overwrite: true);
    }

    private static void Render(CliContext context, SlimReport report, ImageLocation to, WriteResult written)
    {
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.Write(w => WriteJson(w, report, to, written));
            return;
        }

        context.Out.WriteLine($"Slimmed {report.Program} into {to}: {written.Digest?.ToString() ?? "written"}");
        context.Out.WriteLine($"  uncompressed  {Sizes.Human(report.UncompressedBefore),10} -> " +
            $"{Sizes.Human(report.UncompressedAfter)}");
        context.Out.WriteLine($"  compressed    {Sizes.Human(report.CompressedBefore),10} -> " +
            $"{Sizes.Human(report.CompressedAfter)}");
        context.Out.WriteLine($"  paths kept {report.Kept.Count}, removed {report.Removed.Count}");
        foreach (var missing in report.Unresolved)
        {
            context.Error.WriteLine($"warning: not found in the image: {missing}");
        }

        foreach (var warning in report.Warnings)
        {
            context.Error.WriteLine($"warning: {warning}");
        }
    }

    private static void WriteJson(System.Text.Json.Utf8JsonWriter w, SlimReport report, ImageLocation? to = null,
        WriteResult? written = null)
    {
        w.WriteStartObject();
        if (to is not null)
        {
            w.WriteString("destination", to.ToString());
            w.WriteStringOrNull("digest", written?.Digest?.ToString());
        }

        w.WriteString("program", report.Program);
        w.WriteNumber("uncompressedBefore", report.UncompressedBefore);
        w.WriteNumber("uncompressedAfter", report.UncompressedAfter);
        w.WriteNumber("compressedBefore", report.CompressedBefore);
        w.WriteNumber("compressedAfter", report.CompressedAfter);
        w.WriteStringArray("unresolved", report.Unresolved);
        w.WriteStringArray("warnings", report.Warnings);
        foreach (var (name, paths) in new[] { ("kept", report.Kept), ("removed", report.Removed) })
        {
            w.WriteStartArray(name);
            foreach (var path in paths)
            {
                w.WriteStartObject();
                w.WriteString("path", path.Path);
                w.WriteNumber("size", path.Size);
                w.WriteString("reason", path.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
