using System.Text.Json.Serialization;

namespace Snello.Oci.Engine;

/// <summary>The <c>RootFS</c> of an image inspect answer: the diff IDs of its layers.</summary>
public sealed record EngineRootFs
{
    /// <summary>Always <c>layers</c>.</summary>
    [JsonPropertyName("Type")]
    public string? Type { get; init; }

    /// <summary>The diff IDs, base first.</summary>
    [JsonPropertyName("Layers")]
    public IReadOnlyList<string>? Layers { get; init; }
}
