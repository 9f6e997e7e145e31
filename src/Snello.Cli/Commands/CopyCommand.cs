using System.CommandLine;
using Snello.Cli.Rendering;
using Snello.Oci.Images;
using Snello.Oci.Model;
using Snello.Oci.Mutations;
using Snello.Oci.Transports;

namespace Snello.Cli.Commands;

/// <summary><c>snello copy SRC DST</c>: between any two transports.</summary>
internal static class CopyCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("SRC") { Description = "The image to copy" };
        var destination = new Argument<string>("DST") { Description = "Where to write it" };
        var platform = new Option<string?>("--platform")
        {
            Description = "Copy only this platform's image from an index, os/arch[/variant]",
            HelpName = "OS/ARCH",
        };
        var format = new Option<string?>("--manifest-format")
        {
            Description = "Convert the manifest: oci or docker [default: keep the source's]",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("oci", "docker");
        var command = new Command("copy", "Copy an image between transports.\n\n" +
            "oci: and oci-archive: keep the manifest digest unless --manifest-format converts it. docker-archive: " +
            "has no manifest: it keeps the config digest and the diff IDs. An index is copied whole unless " +
            "--platform picks one image; docker-archive: and docker-daemon: take one image, the host's platform " +
            "by default. docker-daemon:REF loads into the Docker engine at DOCKER_HOST and tags it REF.\n\n" +
            "Examples:\n  snello copy docker-archive:app.tar oci:out:app\n" +
            "  snello copy oci:out:app docker-daemon:app:1.0\n" +
            "  snello copy oci:out:app oci-archive:app-oci.tar --manifest-format docker\n" +
            "  snello copy oci:multi:1.0 docker-archive:arm.tar:app:1.0 --platform linux/arm64")
        {
            source, destination, platform, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var context = CliContext.From(parse);
            var from = CliContext.ParseLocation(parse.GetValue(source)!);
            var to = CliContext.ParseLocation(parse.GetValue(destination)!);
            var platformText = parse.GetValue(platform);
            var wanted = CliContext.ParsePlatform(platformText);
            var writer = ImageTransports.OpenWriter(to, context.Transports);
            var reader = ImageTransports.OpenReader(from, context.Transports);
            IManifestArtifact artifact;
            await using (reader)
            {
                artifact = await reader.ReadAsync(ct);
            }

            if (platformText is not null || (to.Kind is TransportKind.DockerArchive or TransportKind.DockerDaemon &&
                artifact is IImageIndex))
            {
                if (platformText is null)
                {
                    context.Note($"note: {to} holds one image; copying the host's platform '{Platform.Host}'");
                }

                artifact = await PlatformSelector.SelectAsync(artifact, wanted, ct);
            }

            artifact = await PrepareAsync(artifact, from, to, parse.GetValue(format), context, ct);
            var result = await writer.WriteAsync(artifact, ct);
            Report(context, from, to, result);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<IManifestArtifact> PrepareAsync(IManifestArtifact artifact, ImageLocation from,
        ImageLocation to, string? format, CliContext context, CancellationToken ct)
    {
        var target = format switch
        {
            "oci" => ManifestFormat.Oci,
            "docker" => ManifestFormat.Docker,
            _ => (ManifestFormat?)null,
        };

        // A source with no manifest of its own (a docker archive, a folder) holds uncompressed layers; a
        // destination that keeps manifests gets them gzip-compressed under OCI types unless asked otherwise.
        if (!ImageTransports.KeepsManifest(from.Kind) && ImageTransports.KeepsManifest(to.Kind) &&
            artifact is IImage plain)
        {
            var compressed = await Mutate.CompressLayersAsync(plain, Compression.Gzip, context.Cache, ct);
            artifact = Mutate.ConvertFormat(compressed, target ?? ManifestFormat.Oci);
            return artifact;
        }

        return (target, artifact) switch
        {
            (null, _) => artifact,
            (ManifestFormat f, IImage image) => Mutate.ConvertFormat(image, f),
            (ManifestFormat f, IImageIndex index) => await Mutate.ConvertFormatAsync(index, f, ct),
            _ => artifact,
        };
    }

    private static void Report(CliContext context, ImageLocation from, ImageLocation to, WriteResult result)
    {
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("source", from.ToString());
                w.WriteString("destination", to.ToString());
                w.WriteStringOrNull("digest", result.Digest?.ToString());
                w.WriteStringOrNull("configDigest", result.ConfigDigest?.ToString());
                w.WriteNumber("blobsWritten", result.BlobsWritten);
                w.WriteNumber("blobsSkipped", result.BlobsSkipped);
                w.WriteNumber("bytesWritten", result.BytesWritten);
                w.WriteEndObject();
            });
            return;
        }

        var what = result.Digest?.ToString() ?? $"config {result.ConfigDigest}";
        context.Out.WriteLine($"Copied {from} to {to}: {what}");
        context.Error.WriteLine($"{result.BlobsWritten} blobs written ({Sizes.Human(result.BytesWritten)}), " +
            $"{result.BlobsSkipped} already present");
    }
}
