using System.CommandLine;
using Snello.Build.Locking;
using Snello.Build.Pipeline;
using Snello.Build.Specs;
using Snello.Cli.Rendering;
using Snello.Debian.Archive;

namespace Snello.Cli.Commands;

/// <summary><c>snello lock SPEC</c>: resolve against the archive now and pin the result in snello.lock.</summary>
internal static class LockCommand
{
    public static Command Create()
    {
        var spec = new Argument<string>("SPEC") { Description = "The spec file, snello.yaml" };
        var mirror = BuildOptionsForCli.Mirror();
        var explain = new Option<bool>("--explain")
        {
            Description = "Say why each package is pinned and what the policy left out",
        };
        var command = new Command("lock", "Resolve a spec's packages against the archive and write snello.lock.\n\n" +
            "The lock pins, per architecture, each package's name, version, architecture, SHA256, file name, " +
            "repository and the date of the index it came from. 'snello build' uses it when it matches the " +
            "spec; run 'snello lock' to move to the archive's newest packages, or when a build says a pinned " +
            "file is gone.\n\nExamples:\n  snello lock specs/base.snello.yaml\n" +
            "  snello lock snello.yaml --explain")
        {
            spec, mirror, explain,
        };
        command.SetAction(async (parse, ct) =>
        {
            var context = CliContext.From(parse);
            var loaded = BuildSpec.Load(Path.GetFullPath(parse.GetValue(spec)!));
            var lockPath = LockFile.PathFor(loaded.Path);
            var existing = File.Exists(lockPath) ? LockFile.Load(lockPath) : null;
            var options = BuildOptionsForCli.From(parse, mirror, context) with { Refresh = true };
            using var http = BuildOptionsForCli.Http();
            var pipeline = new BuildPipeline(new DebianArchiveClient(http, context.CacheRoot, context.Logger),
                context.Cache, context.Logger);
            if (loaded.Distribution is null)
            {
                throw new UsageException($"'{loaded.Path}' names no distribution, so there are no packages to lock");
            }

            var result = await pipeline.LockAsync(loaded, existing, options, ct);
            if (result.Changed)
            {
                result.Lock.Save(lockPath);
            }

            Report(context, lockPath, result, parse.GetValue(explain));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Report(CliContext context, string lockPath, LockResult result, bool explain)
    {
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("lock", lockPath);
                w.WriteBoolean("changed", result.Changed);
                w.WriteStartArray("architectures");
                foreach (var architecture in result.Architectures)
                {
                    w.WriteStartObject();
                    w.WriteString("architecture", architecture.Architecture);
                    w.WriteStartArray("packages");
                    foreach (var package in architecture.Packages)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", package.Name);
                        w.WriteString("version", package.Version);
                        w.WriteStringArray("reasons", package.Reasons);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return;
        }

        foreach (var architecture in result.Architectures)
        {
            context.Out.WriteLine($"{architecture.Architecture}: {architecture.Packages.Count} packages, " +
                $"{architecture.Omitted.Count} omissions");
            foreach (var package in architecture.Packages)
            {
                var why = explain ? ": " + string.Join("; ", package.Reasons) : "";
                context.Out.WriteLine($"  {package.Name} {package.Version}{why}");
            }

            if (explain)
            {
                foreach (var omitted in architecture.Omitted)
                {
                    context.Out.WriteLine($"  left out {omitted.Name}, wanted by {omitted.RequiredBy}: " +
                        omitted.Reason);
                }
            }
        }

        context.Error.WriteLine(result.Changed ? $"wrote {lockPath}" : $"{lockPath} is up to date");
    }
}
