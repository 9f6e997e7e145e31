using System.Text.Json.Serialization;
using Snello.Oci.Model;

namespace Snello.Oci.Json;

/// <summary>Source-generated serialization for the image model, so Native AOT needs no reflection.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(ImageManifest))]
[JsonSerializable(typeof(ImageIndex))]
[JsonSerializable(typeof(ImageConfig))]
[JsonSerializable(typeof(Descriptor))]
[JsonSerializable(typeof(OciLayoutFile))]
[JsonSerializable(typeof(ManifestProbe))]
[JsonSerializable(typeof(List<DockerArchiveEntry>))]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, string>>))]
internal sealed partial class OciJsonContext : JsonSerializerContext
{
}
