using System.CommandLine;
using Snello.Cli.Rendering;
using Snello.Oci.FileSystems;

namespace Snello.Cli.Commands;

/// <summary><c>snello export IMAGE DIR|-</c>: the flattened root filesystem.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var image = CommonArguments.Image();
        var target = new Argument<string>("TARGET")
        {
            Description = "A new or empty folder, or - for a tar stream on stdout",
        };
        var platform = CommonArguments.Platform();
        var devices = new Option<bool>("--devices")
        {
            Description = "Create device nodes (needs root); without it they are skipped and counted",
        };
        var limits = new LimitOptions();
        var command = new Command("export", "Write an image's flattened root filesystem to a folder or a tar " +
            "stream.\n\nA folder is written beside the target under a temporary name and renamed when complete: " +
            "a failure leaves nothing behind. With '-', every layer is verified as it streams; a digest mismatch " +
            "ends the stream early, prints the error and exits with code 3, so a consumer must check the status.\n\n" +
            "Examples:\n  snello export oci:out:latest rootfs/\n  snello export docker-archive:app.tar - | tar -tv")
        {
            image, target, platform, devices,
        };
        limits.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var context = CliContext.From(parse);
            var read = await context.ReadImageAsync(parse.GetValue(image)!, parse.GetValue(platform), ct);
            var options = new ExportOptions
            {
                Devices = parse.GetValue(devices),
                Limits = limits.Read(parse),
                Logger = context.Logger,
            };
            var where = parse.GetValue(target)!;
            ExportSummary summary;
            if (where == "-")
            {
                if (!Console.IsOutputRedirected)
                {
                    throw new UsageException("export to '-' writes a tar stream; redirect stdout to a file or a pipe");
                }

                using var stdout = Console.OpenStandardOutput();
                summary = await RootfsExporter.ExportToTarAsync(read, stdout, options, ct);
            }
            else
            {
                summary = await RootfsExporter.ExportToDirectoryAsync(read, where, options, ct);
            }

            var message = $"Exported {summary.Files} files, {summary.Directories} folders, {summary.Symlinks} " +
                $"symlinks, {summary.Hardlinks} hard links ({Sizes.Human(summary.BytesWritten)})";
            if (summary.DevicesSkipped > 0)
            {
                message += $"; {summary.DevicesSkipped} device nodes skipped (use --devices as root)";
            }

            context.Error.WriteLine(message);
            return ExitCodes.Success;
        });
        return command;
    }
}
