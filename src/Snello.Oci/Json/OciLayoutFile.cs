using System.Text.Json.Serialization;

namespace Snello.Oci.Json;

/// <summary>The <c>oci-layout</c> marker file of an image layout (OCI image spec, image-layout.md).</summary>
internal sealed record OciLayoutFile
{
    [JsonPropertyName("imageLayoutVersion")]
    public string ImageLayoutVersion { get; init; } = "1.0.0";
}
