using System.Text.Json.Serialization;

namespace Snello.Oci.Engine;

/// <summary>Source-generated serialization for the Engine API documents snello reads.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EngineVersion))]
[JsonSerializable(typeof(EngineImage))]
[JsonSerializable(typeof(JsonMessage))]
[JsonSerializable(typeof(EngineErrorResponse))]
internal sealed partial class EngineJsonContext : JsonSerializerContext
{
}
