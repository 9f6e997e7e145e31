using System.Text.Json.Serialization;

namespace Snello.Oci.Model;

/// <summary>An image index (OCI image spec, image-index.md) or a Docker manifest list.</summary>
public sealed record ImageIndex
{
    /// <summary>Always 2.</summary>
    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; init; } = 2;

    /// <summary>The index's own media type.</summary>
    [JsonPropertyName("mediaType")]
    public string? MediaType { get; init; }

    /// <summary>The type of an artifact index.</summary>
    [JsonPropertyName("artifactType")]
    public string? ArtifactType { get; init; }

    /// <summary>The manifests, usually one per platform.</summary>
    [JsonPropertyName("manifests")]
    public required IReadOnlyList<Descriptor> Manifests { get; init; }

    /// <summary>The manifest this one refers to.</summary>
    [JsonPropertyName("subject")]
    public Descriptor? Subject { get; init; }

    /// <summary>Arbitrary metadata.</summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}
