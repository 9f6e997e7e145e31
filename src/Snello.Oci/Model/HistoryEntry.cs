using System.Text.Json.Serialization;

namespace Snello.Oci.Model;

/// <summary>One step in an image config's history.</summary>
public sealed record HistoryEntry
{
    /// <summary>When the step ran.</summary>
    [JsonPropertyName("created")]
    public DateTimeOffset? Created { get; init; }

    /// <summary>The command of the step.</summary>
    [JsonPropertyName("created_by")]
    public string? CreatedBy { get; init; }

    /// <summary>Who ran it.</summary>
    [JsonPropertyName("author")]
    public string? Author { get; init; }

    /// <summary>A comment.</summary>
    [JsonPropertyName("comment")]
    public string? Comment { get; init; }

    /// <summary>True when the step made no layer.</summary>
    [JsonPropertyName("empty_layer")]
    public bool? EmptyLayer { get; init; }
}
