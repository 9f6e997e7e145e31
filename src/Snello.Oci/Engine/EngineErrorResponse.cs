using System.Text.Json.Serialization;

namespace Snello.Oci.Engine;

/// <summary>The body of an engine error answer (Engine API, ErrorResponse).</summary>
internal sealed record EngineErrorResponse
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
