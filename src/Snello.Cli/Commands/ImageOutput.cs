using Snello.Oci.Images;
using Snello.Oci.Model;
using Snello.Oci.Transports;

namespace Snello.Cli.Commands;

/// <summary>Writes what build, slim and debug-image make to the location <c>--output</c> names.</summary>
internal static class ImageOutput
{
    /// <summary>Parses <c>--output</c> early, so a bad location fails before any work is done.</summary>
    public static ImageLocation Parse(string? output, string command)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            throw new UsageException($"{command} needs --output TRANSPORT:REF, such as oci:out:latest, " +
                "docker-archive:app.tar:app:1 or docker-daemon:app:1");
        }

        return CliContext.ParseLocation(output);
    }

    /// <summary>
    /// Writes an image or index; a docker archive or the engine holds one image, so from an index only the
    /// host's platform goes, with a warning.
    /// </summary>
    public static async Task<WriteResult> WriteAsync(IManifestArtifact artifact, ImageLocation to,
        CliContext context, CancellationToken cancellationToken)
    {
        var writer = ImageTransports.OpenWriter(to, context.Transports);
        if (artifact is IImageIndex && to.Kind is TransportKind.DockerArchive or TransportKind.DockerDaemon)
        {
            context.Note($"warning: {to} holds one image; writing only the host's platform '{Platform.Host}'");
            artifact = await PlatformSelector.SelectAsync(artifact, null, cancellationToken);
        }

        return await writer.WriteAsync(artifact, cancellationToken);
    }
}
