using System.Text.Json.Serialization;

namespace Snello.Oci.Model;

/// <summary>An image manifest (OCI image spec, manifest.md; Docker v2.2 has the same fields).</summary>
public sealed record ImageManifest
{
    /// <summary>Always 2.</summary>
    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; init; } = 2;

    /// <summary>The manifest's own media type; optional in OCI, required by Docker v2.2.</summary>
    [JsonPropertyName("mediaType")]
    public string? MediaType { get; init; }

    /// <summary>The type of an artifact manifest.</summary>
    [JsonPropertyName("artifactType")]
    public string? ArtifactType { get; init; }

    /// <summary>The image config.</summary>
    [JsonPropertyName("config")]
    public required Descriptor Config { get; init; }

    /// <summary>The layers, base first.</summary>
    [JsonPropertyName("layers")]
    public required IReadOnlyList<Descriptor> Layers { get; init; }

    /// <summary>The manifest this one refers to (referrers API).</summary>
    [JsonPropertyName("subject")]
    public Descriptor? Subject { get; init; }

    /// <summary>Arbitrary metadata.</summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}
