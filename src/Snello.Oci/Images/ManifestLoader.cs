using Snello.Oci.Digests;
using Snello.Oci.Json;
using Snello.Oci.Model;

namespace Snello.Oci.Images;

/// <summary>Turns raw manifest bytes into an image or an index, told apart by the declared or inner type.</summary>
public static class ManifestLoader
{
    /// <summary>Loads an image or index from its bytes.</summary>
    /// <param name="raw">The manifest or index as stored.</param>
    /// <param name="declaredMediaType">The type given from outside (a descriptor, a Content-Type), if any.</param>
    /// <param name="source">Where the blobs it names are read from.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="ImageFormatException">
    /// The bytes are neither an image manifest nor an index, or are of a type Snello does not read.
    /// </exception>
    public static async Task<IManifestArtifact> LoadAsync(ReadOnlyMemory<byte> raw, string? declaredMediaType,
        IBlobSource source, CancellationToken cancellationToken = default)
    {
        var mediaType = DetectMediaType(raw.Span, declaredMediaType);
        if (MediaTypes.IsIndex(mediaType))
        {
            return BlobIndex.Load(mediaType, raw, source);
        }

        return await BlobImage.LoadAsync(mediaType, raw, source, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The media type of a manifest: its own <c>mediaType</c> field, else the declared one, else told from its
    /// shape (OCI allows the field to be absent: an object with <c>manifests</c> is an index).
    /// </summary>
    /// <exception cref="ImageFormatException">The type is not a manifest or index type.</exception>
    public static string DetectMediaType(ReadOnlySpan<byte> raw, string? declaredMediaType)
    {
        var digest = Digest.Compute(raw);
        var probe = OciJson.Deserialize<ManifestProbe>(raw, $"manifest '{digest}'");
        var mediaType = probe.MediaType ?? declaredMediaType
            ?? (probe.Manifests is not null ? MediaTypes.OciIndex : MediaTypes.OciManifest);
        if (probe.SchemaVersion == 1 || mediaType.Contains("manifest.v1+", StringComparison.Ordinal) &&
            mediaType.StartsWith("application/vnd.docker.", StringComparison.Ordinal))
        {
            throw new ImageFormatException($"manifest '{digest}' is Docker schema 1, which is deprecated and not " +
                "read; expected an OCI manifest or Docker schema 2");
        }

        if (!MediaTypes.IsIndex(mediaType) && !MediaTypes.IsManifest(mediaType))
        {
            throw new ImageFormatException($"manifest '{digest}' has media type '{mediaType}', expected one of " +
                $"'{MediaTypes.OciManifest}', '{MediaTypes.OciIndex}', '{MediaTypes.DockerManifest}', " +
                $"'{MediaTypes.DockerManifestList}'");
        }

        return mediaType;
    }
}
