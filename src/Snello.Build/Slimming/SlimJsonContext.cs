using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Snello.Build.Slimming;

/// <summary>Source-generated JSON for the rewritten config (AOT: no reflection).</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class SlimJsonContext : JsonSerializerContext;
