using System.Text.Json.Serialization;

namespace Snello.Oci.Registry;

/// <summary>The error body of the distribution spec ("Error Codes"): <c>{"errors":[{"code","message"}]}</c>.</summary>
internal sealed record RegistryErrorBody
{
    [JsonPropertyName("errors")]
    public IReadOnlyList<RegistryError>? Errors { get; init; }
}
