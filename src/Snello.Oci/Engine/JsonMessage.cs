using System.Text.Json.Serialization;

namespace Snello.Oci.Engine;

/// <summary>
/// One message of the engine's JSON message stream (the answer of image load, pull, push, build): progress,
/// a line of text, or an error. An error ends the stream; the HTTP status stays 200.
/// </summary>
public sealed record JsonMessage
{
    /// <summary>A line of text, such as <c>Loaded image: app:1.0</c>.</summary>
    [JsonPropertyName("stream")]
    public string? Stream { get; init; }

    /// <summary>A status word, such as <c>Loading layer</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>What the status is about: a layer or image ID.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The error text, when the operation failed.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>The error with its code, when the operation failed.</summary>
    [JsonPropertyName("errorDetail")]
    public JsonMessageError? ErrorDetail { get; init; }

    /// <summary>The error message, from <see cref="ErrorDetail"/> or <see cref="Error"/>, or null.</summary>
    [JsonIgnore]
    public string? ErrorMessage => ErrorDetail?.Message is { Length: > 0 } detail ? detail
        : Error is { Length: > 0 } error ? error
        : null;
}
