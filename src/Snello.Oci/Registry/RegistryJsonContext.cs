using System.Text.Json.Serialization;

namespace Snello.Oci.Registry;

/// <summary>Source-generated serialization for the registry protocol's small documents.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(TagList))]
[JsonSerializable(typeof(RegistryErrorBody))]
[JsonSerializable(typeof(CredentialHelperReply))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext
{
}
