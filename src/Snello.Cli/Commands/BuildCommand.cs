using System.CommandLine;
using Snello.Build.Locking;
using Snello.Build.Pipeline;
using Snello.Build.Specs;
using Snello.Debian.Archive;

namespace Snello.Cli.Commands;

/// <summary><c>snello build SPEC --output T:REF</c>: a distroless image from Debian packages and app files.</summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var spec = new Argument<string>("SPEC") { Description = "The spec file, snello.yaml" };
        var output = BuildOptionsForCli.Output();
        var mirror = BuildOptionsForCli.Mirror();
        var debug = new Option<bool>("--debug")
        {
            Description = "Add Debian's busybox-static at /busybox and make /busybox/sh the entrypoint",
        };
        var locked = new Option<bool>("--locked")
        {
            Description = "Fail instead of resolving again when snello.lock does not match the spec",
        };
        var explain = new Option<bool>("--explain")
        {
            Description = "Say why each package is in the image and what the policy left out",
        };
        var command = new Command("build", "Build a distroless image from a spec (snello.yaml).\n\n" +
            "Packages are resolved against the signed indexes of the spec's Debian suite (the mirror from the " +
            "host's apt sources unless --mirror or the spec names one) and pinned in snello.lock beside the " +
            "spec; a build with a matching lock uses it and needs no index. Maintainer scripts never run. " +
            "Every file gets one timestamp (SOURCE_DATE_EPOCH, or the date of the newest index), so the same " +
            "spec and lock give the same digest.\n\n" +
            "Examples:\n  snello build examples/c-hello/snello.yaml --output docker-archive:hello.tar:hello:1\n" +
            "  snello build specs/base.snello.yaml --output oci:out:base --explain\n" +
            "  snello build snello.yaml --output docker-daemon:app:debug --debug")
        {
            spec, output, mirror, debug, locked, explain,
        };
        command.SetAction(async (parse, ct) =>
        {
            var context = CliContext.From(parse);
            var to = ImageOutput.Parse(parse.GetValue(output), "build");
            var loaded = BuildSpec.Load(Path.GetFullPath(parse.GetValue(spec)!));
            var lockPath = LockFile.PathFor(loaded.Path);
            var existing = File.Exists(lockPath) ? LockFile.Load(lockPath) : null;
            var options = BuildOptionsForCli.From(parse, mirror, context) with
            {
                Debug = parse.GetValue(debug),
                Locked = parse.GetValue(locked),
            };

            using var http = BuildOptionsForCli.Http();
            var pipeline = new BuildPipeline(new DebianArchiveClient(http, context.CacheRoot, context.Logger),
                context.Cache, context.Logger);
            var result = await pipeline.BuildAsync(loaded, existing, options, ct);

            // A spec that only adds files to a base pins no packages and gets no lock. The lock is checked
            // before the image is written, so a bad one leaves neither behind.
            var saveLock = result.LockChanged && loaded.Distribution is not null;
            if (saveLock)
            {
                _ = result.Lock.ToJson();
            }

            var written = await ImageOutput.WriteAsync(result.Artifact, to, context, ct);
            if (saveLock)
            {
                result.Lock.Save(lockPath);
            }

            BuildReport.Write(context, loaded, to, result, written, saveLock || existing is not null ? lockPath : null,
                parse.GetValue(explain));
            return ExitCodes.Success;
        });
        return command;
    }
}
