using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Snello.Oci.Json;

/// <summary>
/// JSON reading and writing for image documents. Writing uses an encoder that leaves <c>+</c> and other
/// characters of media types alone: escaping them as <c>\u002B</c> would change every digest.
/// </summary>
public static class OciJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = OciJsonContext.Default,
    };

    private static readonly OciJsonContext Context = new(Options);

    /// <summary>Serializes a model document to compact UTF-8 JSON.</summary>
    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Info<T>());

    /// <summary>Deserializes a model document.</summary>
    /// <param name="json">The bytes.</param>
    /// <param name="what">What the document is, for the message: "manifest 'sha256:…'", "index.json".</param>
    /// <exception cref="ImageFormatException">The bytes are not such a document; the message says where.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(json, Info<T>())
                ?? throw new ImageFormatException($"{what} is JSON null, expected an object");
        }
        catch (JsonException e)
        {
            throw new ImageFormatException($"{what} is not valid: {e.Message}", e);
        }
    }

    private static JsonTypeInfo<T> Info<T>() =>
        (JsonTypeInfo<T>?)Context.GetTypeInfo(typeof(T))
        ?? throw new InvalidOperationException($"type '{typeof(T)}' is not in the JSON context");
}
