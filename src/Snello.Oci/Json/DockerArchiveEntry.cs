using System.Text.Json.Serialization;

namespace Snello.Oci.Json;

/// <summary>One image in the <c>manifest.json</c> of a <c>docker save</c> archive.</summary>
internal sealed record DockerArchiveEntry
{
    [JsonPropertyName("Config")]
    public required string Config { get; init; }

    [JsonPropertyName("RepoTags")]
    public IReadOnlyList<string>? RepoTags { get; init; }

    [JsonPropertyName("Layers")]
    public required IReadOnlyList<string> Layers { get; init; }

    [JsonPropertyName("LayerSources")]
    public IReadOnlyDictionary<string, Model.Descriptor>? LayerSources { get; init; }
}
