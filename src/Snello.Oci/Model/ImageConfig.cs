using System.Text.Json.Serialization;

namespace Snello.Oci.Model;

/// <summary>
/// An image configuration (OCI image spec, config.md). Fields Snello does not model are dropped when a config
/// is rewritten; a config that is only copied keeps its bytes, and so its digest.
/// </summary>
public sealed record ImageConfig
{
    /// <summary>When the image was created, RFC 3339.</summary>
    [JsonPropertyName("created")]
    public DateTimeOffset? Created { get; init; }

    /// <summary>Who made the image.</summary>
    [JsonPropertyName("author")]
    public string? Author { get; init; }

    /// <summary>CPU architecture, Go's names.</summary>
    [JsonPropertyName("architecture")]
    public string Architecture { get; init; } = "amd64";

    /// <summary>Operating system.</summary>
    [JsonPropertyName("os")]
    public string Os { get; init; } = "linux";

    /// <summary>CPU variant.</summary>
    [JsonPropertyName("variant")]
    public string? Variant { get; init; }

    /// <summary>OS version (Windows).</summary>
    [JsonPropertyName("os.version")]
    public string? OsVersion { get; init; }

    /// <summary>What a container of the image runs with.</summary>
    [JsonPropertyName("config")]
    public ContainerConfig? Config { get; init; }

    /// <summary>The layers' uncompressed digests.</summary>
    [JsonPropertyName("rootfs")]
    public RootFs RootFs { get; init; } = new();

    /// <summary>How each layer was made, with entries for steps that made no layer.</summary>
    [JsonPropertyName("history")]
    public IReadOnlyList<HistoryEntry>? History { get; init; }

    /// <summary>The platform this config describes.</summary>
    [JsonIgnore]
    public Platform Platform =>
        new() { Os = Os, Architecture = Architecture, Variant = Variant, OsVersion = OsVersion };
}
