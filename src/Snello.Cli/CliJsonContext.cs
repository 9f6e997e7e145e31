using System.Text.Json.Serialization;

namespace Snello.Cli;

/// <summary>Source-generated JSON for the few values the CLI serializes whole.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
}
