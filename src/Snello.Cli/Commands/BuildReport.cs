using Snello.Build.Pipeline;
using Snello.Build.Specs;
using Snello.Cli.Rendering;
using Snello.Oci.Transports;

namespace Snello.Cli.Commands;

/// <summary>What <c>snello build</c> prints: the image, its packages on request, the lock and the timings.</summary>
internal static class BuildReport
{
    public static void Write(CliContext context, BuildSpec spec, ImageLocation to, BuildResult result,
        WriteResult written, string? lockPath, bool explain)
    {
        if (context.Format == OutputFormat.Json)
        {
            WriteJson(spec, to, result, written, lockPath);
            return;
        }

        foreach (var build in result.Architectures)
        {
            var layers = build.Image.Manifest.Layers;
            var compressed = layers.Sum(l => l.Size);
            var source = build.FromLock ? "pinned by the lock" : "resolved";
            context.Out.WriteLine($"{build.Architecture}: {build.Image.Digest}, {build.Packages.Count} packages " +
                $"({source}), {layers.Count} layers, {Sizes.Human(compressed)} compressed");
            if (explain)
            {
                Explain(context, build);
            }
        }

        var what = result.Artifact.Digest.ToString();
        context.Out.WriteLine($"Built {spec.Path} to {to}: {what}");
        var lockNote = lockPath is null
            ? "no lock (the spec pins no packages)"
            : $"lock {lockPath} {(result.LockChanged ? "written" : "unchanged")}";
        context.Error.WriteLine($"{lockNote}; {written.BlobsWritten} blobs written " +
            $"({Sizes.Human(written.BytesWritten)}); indexes {result.Timings.IndexSeconds:0.00} s, downloads " +
            $"{result.Timings.DownloadSeconds:0.00} s ({Sizes.Human(result.Timings.DownloadBytes)}), assembly " +
            $"{result.Timings.AssembleSeconds:0.00} s");
    }

    private static void Explain(CliContext context, ArchitectureBuild build)
    {
        foreach (var package in build.Packages)
        {
            context.Out.WriteLine($"  {package.Name} {package.Version} ({package.Architecture})");
            foreach (var reason in package.Reasons)
            {
                context.Out.WriteLine($"      {reason}");
            }
        }

        foreach (var omitted in build.Omitted)
        {
            context.Out.WriteLine($"  left out {omitted.Name}, wanted by {omitted.RequiredBy}: {omitted.Reason}");
        }
    }

    private static void WriteJson(BuildSpec spec, ImageLocation to, BuildResult result, WriteResult written,
        string? lockPath) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("spec", spec.Path);
        w.WriteString("output", to.ToString());
        w.WriteString("digest", result.Artifact.Digest.ToString());
        w.WriteStartArray("architectures");
        foreach (var build in result.Architectures)
        {
            w.WriteStartObject();
            w.WriteString("architecture", build.Architecture);
            w.WriteString("digest", build.Image.Digest.ToString());
            w.WriteBoolean("fromLock", build.FromLock);
            w.WriteNumber("compressedSize", build.Image.Manifest.Layers.Sum(l => l.Size));
            w.WriteStartArray("packages");
            foreach (var package in build.Packages)
            {
                w.WriteStartObject();
                w.WriteString("name", package.Name);
                w.WriteString("version", package.Version);
                w.WriteString("architecture", package.Architecture);
                w.WriteStringArray("reasons", package.Reasons);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("omitted");
            foreach (var omitted in build.Omitted)
            {
                w.WriteStartObject();
                w.WriteString("name", omitted.Name);
                w.WriteString("requiredBy", omitted.RequiredBy);
                w.WriteString("reason", omitted.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("lock");
        w.WriteStringOrNull("path", lockPath);
        w.WriteBoolean("changed", lockPath is not null && result.LockChanged);
        w.WriteEndObject();
        w.WriteStartObject("timings");
        w.WriteNumber("indexSeconds", Math.Round(result.Timings.IndexSeconds, 3));
        w.WriteNumber("resolveSeconds", Math.Round(result.Timings.ResolveSeconds, 3));
        w.WriteNumber("downloadSeconds", Math.Round(result.Timings.DownloadSeconds, 3));
        w.WriteNumber("downloadBytes", result.Timings.DownloadBytes);
        w.WriteNumber("assembleSeconds", Math.Round(result.Timings.AssembleSeconds, 3));
        w.WriteEndObject();
        w.WriteNumber("blobsWritten", written.BlobsWritten);
        w.WriteNumber("bytesWritten", written.BytesWritten);
        w.WriteEndObject();
    });
}
