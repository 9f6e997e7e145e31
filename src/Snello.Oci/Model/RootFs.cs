using System.Text.Json.Serialization;
using Snello.Oci.Digests;

namespace Snello.Oci.Model;

/// <summary>The <c>rootfs</c> section of an image config: the layers' diff IDs.</summary>
public sealed record RootFs
{
    /// <summary>Always <c>layers</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "layers";

    /// <summary>The digest of each layer's uncompressed tar, base first.</summary>
    [JsonPropertyName("diff_ids")]
    public IReadOnlyList<Digest> DiffIds { get; init; } = [];
}
