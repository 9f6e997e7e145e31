using System.Text.Json.Serialization;

namespace Snello.Oci.Model;

/// <summary>The execution parameters in an image config (OCI image spec, config.md, "config").</summary>
public sealed record ContainerConfig
{
    /// <summary>User, or user:group, by name or number.</summary>
    [JsonPropertyName("User")]
    public string? User { get; init; }

    /// <summary>Ports as <c>port/proto</c> keys with empty-object values.</summary>
    [JsonPropertyName("ExposedPorts")]
    public IReadOnlyDictionary<string, EmptyObject>? ExposedPorts { get; init; }

    /// <summary>Environment as <c>NAME=value</c>.</summary>
    [JsonPropertyName("Env")]
    public IReadOnlyList<string>? Env { get; init; }

    /// <summary>The program and its first arguments.</summary>
    [JsonPropertyName("Entrypoint")]
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Default arguments, or the command when there is no entrypoint.</summary>
    [JsonPropertyName("Cmd")]
    public IReadOnlyList<string>? Cmd { get; init; }

    /// <summary>Paths meant for volumes, as keys with empty-object values.</summary>
    [JsonPropertyName("Volumes")]
    public IReadOnlyDictionary<string, EmptyObject>? Volumes { get; init; }

    /// <summary>The working directory.</summary>
    [JsonPropertyName("WorkingDir")]
    public string? WorkingDir { get; init; }

    /// <summary>Labels.</summary>
    [JsonPropertyName("Labels")]
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>The signal that stops the container.</summary>
    [JsonPropertyName("StopSignal")]
    public string? StopSignal { get; init; }
}
