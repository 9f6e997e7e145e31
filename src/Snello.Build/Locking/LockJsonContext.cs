using System.Text.Json.Serialization;

namespace Snello.Build.Locking;

/// <summary>Source-generated serialization for lock files, so Native AOT needs no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [typeof(UtcSecondsConverter)])]
[JsonSerializable(typeof(LockFile))]
internal sealed partial class LockJsonContext : JsonSerializerContext
{
}
