using System.CommandLine;
using Snello.Cli.Rendering;
using Snello.Oci.Images;

namespace Snello.Cli.Commands;

/// <summary><c>snello digest IMAGE</c>: the manifest digest, or with <c>--config</c> the config digest.</summary>
internal static class DigestCommand
{
    public static Command Create()
    {
        var image = CommonArguments.Image();
        var platform = CommonArguments.Platform();
        var config = new Option<bool>("--config") { Description = "Print the config digest (the image ID) instead" };
        var command = new Command("digest", "Print an image's manifest digest.\n\n" +
            "For docker-archive: and dir:, whose formats hold no manifest, the digest is that of the Docker v2.2 " +
            "manifest snello derives from the archive; --config gives the digest docker itself reports.\n\n" +
            "Examples:\n  snello digest oci:out:latest\n  snello digest docker-archive:app.tar --config")
        {
            image, platform, config,
        };
        command.SetAction(async (parse, ct) =>
        {
            var context = CliContext.From(parse);
            var platformText = parse.GetValue(platform);
            var wanted = CliContext.ParsePlatform(platformText);
            var artifact = await context.ReadArtifactAsync(parse.GetValue(image)!, ct);
            if (platformText is not null || parse.GetValue(config))
            {
                artifact = await PlatformSelector.SelectAsync(artifact, wanted, ct);
            }

            var digest = parse.GetValue(config) ? ((IImage)artifact).Manifest.Config.Digest : artifact.Digest;
            if (context.Format == OutputFormat.Json)
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("digest", digest.ToString());
                    w.WriteString("mediaType", artifact.MediaType);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Out.WriteLine(digest.ToString());
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
