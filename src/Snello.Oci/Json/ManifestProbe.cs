using System.Text.Json.Serialization;

namespace Snello.Oci.Json;

/// <summary>The fields that tell a manifest from an index when the media type is not known from outside.</summary>
internal sealed record ManifestProbe
{
    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; init; }

    [JsonPropertyName("mediaType")]
    public string? MediaType { get; init; }

    [JsonPropertyName("manifests")]
    public System.Text.Json.JsonElement? Manifests { get; init; }

    [JsonPropertyName("config")]
    public System.Text.Json.JsonElement? Config { get; init; }
}
