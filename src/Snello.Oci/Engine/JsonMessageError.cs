using System.Text.Json.Serialization;

namespace Snello.Oci.Engine;

/// <summary>The <c>errorDetail</c> of a JSON message.</summary>
public sealed record JsonMessageError
{
    /// <summary>A numeric code some errors carry.</summary>
    [JsonPropertyName("code")]
    public int? Code { get; init; }

    /// <summary>The error text.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
