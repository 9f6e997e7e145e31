using System.Text.Json.Serialization;

namespace Snello.Oci.Registry;

/// <summary>What <c>docker-credential-NAME get</c> prints, and what <c>store</c> reads.</summary>
internal sealed record CredentialHelperReply
{
    [JsonPropertyName("ServerURL")]
    public string? ServerUrl { get; init; }

    [JsonPropertyName("Username")]
    public string? Username { get; init; }

    [JsonPropertyName("Secret")]
    public string? Secret { get; init; }
}
