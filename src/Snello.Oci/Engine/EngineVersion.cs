using System.Text.Json.Serialization;

namespace Snello.Oci.Engine;

/// <summary>What <c>GET /version</c> says about the engine.</summary>
public sealed record EngineVersion
{
    /// <summary>The engine's release, e.g. <c>20.10.24</c>.</summary>
    [JsonPropertyName("Version")]
    public string? Version { get; init; }

    /// <summary>The newest API version the engine speaks, e.g. <c>1.41</c>.</summary>
    [JsonPropertyName("ApiVersion")]
    public string? ApiVersion { get; init; }

    /// <summary>The oldest API version the engine still accepts.</summary>
    [JsonPropertyName("MinAPIVersion")]
    public string? MinApiVersion { get; init; }

    /// <summary>The engine's operating system, <c>linux</c> or <c>windows</c>.</summary>
    [JsonPropertyName("Os")]
    public string? Os { get; init; }

    /// <summary>The engine's architecture in Go's naming, e.g. <c>amd64</c>.</summary>
    [JsonPropertyName("Arch")]
    public string? Arch { get; init; }
}
