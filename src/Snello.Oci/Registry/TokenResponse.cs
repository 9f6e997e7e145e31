using System.Text.Json.Serialization;

namespace Snello.Oci.Registry;

/// <summary>A token server's answer (distribution, docs/spec/auth/token.md, "Token Response Fields").</summary>
internal sealed record TokenResponse
{
    [JsonPropertyName("token")]
    public string? Token { get; init; }

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("expires_in")]
    public int? ExpiresIn { get; init; }
}
