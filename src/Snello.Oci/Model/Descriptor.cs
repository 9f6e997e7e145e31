using System.Text.Json.Serialization;
using Snello.Oci.Digests;

namespace Snello.Oci.Model;

/// <summary>A content descriptor (OCI image spec, descriptor.md): what a blob is, its digest and its size.</summary>
public sealed record Descriptor
{
    /// <summary>The media type of the referenced content.</summary>
    [JsonPropertyName("mediaType")]
    public required string MediaType { get; init; }

    /// <summary>The digest of the referenced content.</summary>
    [JsonPropertyName("digest")]
    public required Digest Digest { get; init; }

    /// <summary>The size of the referenced content in bytes.</summary>
    [JsonPropertyName("size")]
    public required long Size { get; init; }

    /// <summary>Where foreign layers can be downloaded from.</summary>
    [JsonPropertyName("urls")]
    public IReadOnlyList<string>? Urls { get; init; }

    /// <summary>Arbitrary metadata.</summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>The platform of a manifest in an index.</summary>
    [JsonPropertyName("platform")]
    public Platform? Platform { get; init; }

    /// <summary>The type of an artifact, when the manifest is one.</summary>
    [JsonPropertyName("artifactType")]
    public string? ArtifactType { get; init; }

    /// <summary>The value of an annotation, or null.</summary>
    public string? Annotation(string key) =>
        Annotations is not null && Annotations.TryGetValue(key, out var value) ? value : null;
}
