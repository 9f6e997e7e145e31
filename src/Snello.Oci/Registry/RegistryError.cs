using System.Text.Json.Serialization;

namespace Snello.Oci.Registry;

/// <summary>One error of a <see cref="RegistryErrorBody"/>.</summary>
internal sealed record RegistryError
{
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
