using System.CommandLine;
using Snello.Build.Pipeline;
using Snello.Debian.Archive;

namespace Snello.Cli.Commands;

/// <summary><c>snello debug-image IMAGE --output T:REF</c>: the image plus a busybox toolbox.</summary>
internal static class DebugImageCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("IMAGE") { Description = "The image to add the toolbox to" };
        var output = BuildOptionsForCli.Output();
        var mirror = BuildOptionsForCli.Mirror();
        var suite = new Option<string>("--suite")
        {
            Description = "The Debian suite to take busybox-static from",
            DefaultValueFactory = _ => "bookworm",
            HelpName = "SUITE",
        };
        suite.AcceptOnlyFromAmong("bookworm", "trixie");
        var platform = new Option<string?>("--platform")
        {
            Description = "The image to take from an index, os/arch[/variant] [default: the host's]",
            HelpName = "OS/ARCH",
        };
        var command = new Command("debug-image",
            "Add a shell and tools to an image, as Google's :debug images do.\n\n" +
            "One layer with Debian's busybox-static at /busybox/busybox and its applets as links beside it; the " +
            "entrypoint becomes /busybox/sh and /busybox is added to PATH. The input image is not changed.\n\n" +
            "Examples:\n  snello debug-image oci:out:app --output docker-daemon:app:debug\n" +
            "  snello debug-image docker-archive:app.tar --output docker-archive:app-debug.tar:app:debug")
        {
            image, output, mirror, suite, platform,
        };
        command.SetAction(async (parse, ct) =>
        {
            var context = CliContext.From(parse);
            var to = ImageOutput.Parse(parse.GetValue(output), "debug-image");
            var source = await context.ReadImageAsync(parse.GetValue(image)!, parse.GetValue(platform), ct);
            var options = BuildOptionsForCli.From(parse, mirror, context);
            using var http = BuildOptionsForCli.Http();
            var pipeline = new BuildPipeline(new DebianArchiveClient(http, context.CacheRoot, context.Logger),
                context.Cache, context.Logger);
            var debug = await pipeline.DebugImageAsync(source, parse.GetValue(suite)!, options, ct);
            var written = await ImageOutput.WriteAsync(debug, to, context, ct);
            context.Out.WriteLine($"Wrote {to}: {debug.Digest} (entrypoint /busybox/sh)");
            context.Error.WriteLine($"{written.BlobsWritten} blobs written");
            return ExitCodes.Success;
        });
        return command;
    }
}
