using System.Text.Json.Serialization;

namespace Snello.Oci.Registry;

/// <summary>One page of <c>GET /v2/NAME/tags/list</c> (distribution spec, "Listing Tags").</summary>
internal sealed record TagList
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }
}
