using System.Net;
using System.Text;
using Snello.Oci.Engine;

namespace Snello.Tests.Oci.Engine;

public sealed class JsonMessageStreamTests
{
    [Fact]
    public async Task ReadAllAsync_reads_messages_one_a_line_and_names_the_loaded_images()
    {
        var messages = await ReadAsync(
            "{\"stream\":\"Loaded image: app:1.0\\n\"}\r\n" +
            "{\"stream\":\"Loaded image ID: sha256:" + new string('a', 64) + "\\n\"}\r\n");

        Assert.Equal(["app:1.0", "sha256:" + new string('a', 64)], JsonMessageStream.LoadedImages(messages));
    }

    [Fact]
    public async Task ReadAllAsync_reads_messages_that_follow_each_other_without_a_newline()
    {
        var messages = await ReadAsync(
            "{\"status\":\"Loading layer\",\"id\":\"abc\"}{\"stream\":\"Loaded image: b:2\\n\"}");
        Assert.Equal(2, messages.Count);
        Assert.Equal("Loading layer", messages[0].Status);
        Assert.Equal(["b:2"], JsonMessageStream.LoadedImages(messages));
    }

    [Fact]
    public async Task ReadAllAsync_throws_the_engines_error_even_after_a_200_answer()
    {
        const string Stream = "{\"stream\":\"ok\\n\"}\n" +
            "{\"errorDetail\":{\"message\":\"Error processing tar file(exit status 1): unexpected EOF\"}," +
            "\"error\":\"Error processing tar file(exit status 1): unexpected EOF\"}\n";
        var e = await Assert.ThrowsAsync<EngineApiException>(() => ReadAsync(Stream));
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Equal("Error processing tar file(exit status 1): unexpected EOF", e.EngineMessage);
        Assert.Contains("'Error processing tar file(exit status 1): unexpected EOF'", e.Message,
            StringComparison.Ordinal);
        Assert.Contains("POST /images/load", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAllAsync_takes_the_error_text_where_there_is_no_error_detail()
    {
        var e = await Assert.ThrowsAsync<EngineApiException>(() => ReadAsync("{\"error\":\"no space left\"}"));
        Assert.Equal("no space left", e.EngineMessage);
    }

    [Fact]
    public async Task ReadAllAsync_reports_an_answer_that_is_not_a_message_stream()
    {
        var e = await Assert.ThrowsAsync<EngineApiException>(() => ReadAsync("<html>proxy error</html>"));
        Assert.Contains("something other than a JSON message stream", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAllAsync_accepts_an_empty_stream()
    {
        Assert.Empty(await ReadAsync(""));
    }

    [Fact]
    public void LoadedImages_ignores_other_lines()
    {
        var messages = new[]
        {
            new JsonMessage { Stream = "Loading layer 1/2\n" },
            new JsonMessage { Status = "Loaded image: not-a-stream-line" },
            new JsonMessage { Stream = "Loaded image: a:1\nLoaded image: b:2\n" },
        };
        Assert.Equal(["a:1", "b:2"], JsonMessageStream.LoadedImages(messages));
    }

    private static async Task<IReadOnlyList<JsonMessage>> ReadAsync(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await JsonMessageStream.ReadAllAsync(stream, "POST /images/load", TestContext.Current.CancellationToken);
    }
}
