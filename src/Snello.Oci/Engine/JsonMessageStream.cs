using System.Net;
using System.Text.Json;

namespace Snello.Oci.Engine;

/// <summary>
/// Reads the engine's JSON message stream: JSON objects one after another, usually one a line. The engine
/// reports a failure as a message with <c>error</c> and <c>errorDetail</c> after it has already answered 200,
/// so the stream, not the status, says whether the operation worked.
/// </summary>
internal static class JsonMessageStream
{
    private const string LoadedImage = "Loaded image: ";
    private const string LoadedImageId = "Loaded image ID: ";

    /// <summary>Reads every message to the end of the stream.</summary>
    /// <exception cref="EngineApiException">A message reports an error, or the stream is not JSON.</exception>
    public static async Task<IReadOnlyList<JsonMessage>> ReadAllAsync(Stream stream, string request,
        CancellationToken cancellationToken)
    {
        var messages = new List<JsonMessage>();
        try
        {
            var values = JsonSerializer.DeserializeAsyncEnumerable(stream, EngineJsonContext.Default.JsonMessage,
                topLevelValues: true, cancellationToken);
            await foreach (var message in values.ConfigureAwait(false))
            {
                if (message is null)
                {
                    continue;
                }

                if (message.ErrorMessage is { } error)
                {
                    throw new EngineApiException(HttpStatusCode.OK, request, error,
                        $"the Docker engine failed {request}: '{error}'");
                }

                messages.Add(message);
            }
        }
        catch (JsonException e)
        {
            throw new EngineApiException(HttpStatusCode.OK, request, e.Message,
                $"the Docker engine answered {request} with something other than a JSON message stream: " +
                $"'{e.Message}'");
        }

        return messages;
    }

    /// <summary>
    /// The images a load reports, in order: <c>Loaded image: NAME</c> gives the name, <c>Loaded image ID: ID</c>
    /// (an untagged image) the ID.
    /// </summary>
    public static IReadOnlyList<string> LoadedImages(IEnumerable<JsonMessage> messages)
    {
        var names = new List<string>();
        foreach (var message in messages)
        {
            foreach (var line in (message.Stream ?? "").Split('\n'))
            {
                var text = line.Trim();
                if (text.StartsWith(LoadedImageId, StringComparison.Ordinal))
                {
                    names.Add(text[LoadedImageId.Length..].Trim());
                }
                else if (text.StartsWith(LoadedImage, StringComparison.Ordinal))
                {
                    names.Add(text[LoadedImage.Length..].Trim());
                }
            }
        }

        return names;
    }
}
