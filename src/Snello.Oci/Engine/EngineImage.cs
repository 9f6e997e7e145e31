using System.Text.Json.Serialization;

namespace Snello.Oci.Engine;

/// <summary>What <c>GET /images/{name}/json</c> says about an image the engine holds.</summary>
public sealed record EngineImage
{
    /// <summary>The image ID: the digest of its config, as <c>sha256:…</c>.</summary>
    [JsonPropertyName("Id")]
    public required string Id { get; init; }

    /// <summary>The tags naming the image, in Docker's short form (<c>app:1.0</c>).</summary>
    [JsonPropertyName("RepoTags")]
    public IReadOnlyList<string>? RepoTags { get; init; }

    /// <summary>Registry manifest digests the image was pulled or pushed by (<c>repo@sha256:…</c>).</summary>
    [JsonPropertyName("RepoDigests")]
    public IReadOnlyList<string>? RepoDigests { get; init; }

    /// <summary>The image's architecture.</summary>
    [JsonPropertyName("Architecture")]
    public string? Architecture { get; init; }

    /// <summary>The image's operating system.</summary>
    [JsonPropertyName("Os")]
    public string? Os { get; init; }

    /// <summary>The unpacked size the engine reports, in bytes.</summary>
    [JsonPropertyName("Size")]
    public long Size { get; init; }

    /// <summary>The layers' diff IDs, base first.</summary>
    [JsonPropertyName("RootFS")]
    public EngineRootFs? RootFs { get; init; }
}
