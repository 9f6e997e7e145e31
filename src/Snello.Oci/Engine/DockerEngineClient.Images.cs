using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;

namespace Snello.Oci.Engine;

public sealed partial class DockerEngineClient
{
    /// <summary>Describes an image the engine holds (<c>GET /images/{name}/json</c>).</summary>
    /// <param name="name">A reference (<c>app:1.0</c>, <c>docker.io/library/app:1.0</c>) or an image ID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="EngineApiException">The engine has no such image (404) or failed.</exception>
    /// <exception cref="EngineUnreachableException">The engine cannot be reached.</exception>
    public async Task<EngineImage> InspectImageAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = $"/images/{CheckName(name)}/json";
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, EngineJsonContext.Default.EngineImage, $"GET {path}", cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Like <see cref="InspectImageAsync"/>, but null where the engine has no such image.</summary>
    /// <exception cref="EngineApiException">The engine failed for another reason.</exception>
    /// <exception cref="EngineUnreachableException">The engine cannot be reached.</exception>
    public async Task<EngineImage?> TryInspectImageAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await InspectImageAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Streams what <c>docker save NAME</c> writes (<c>GET /images/get?names=NAME</c>) into
    /// <paramref name="destination"/>: a tar archive in the docker-archive format.
    /// </summary>
    /// <exception cref="EngineApiException">The engine has no such image or failed.</exception>
    /// <exception cref="EngineUnreachableException">The engine cannot be reached or the connection was cut.</exception>
    public async Task SaveImageAsync(string name, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var path = $"/images/get?names={Uri.EscapeDataString(CheckName(name))}";
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                await body.CopyToAsync(destination, 1 << 16, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is HttpRequestException or HttpIOException)
        {
            throw new EngineUnreachableException(Host, $"the Docker engine at {Host.Describe()} cut the " +
                $"connection while saving '{name}': {e.Message}", e);
        }
    }

    /// <summary>
    /// Loads images from a docker-archive (<c>POST /images/load?quiet=1</c>), written by
    /// <paramref name="writeArchive"/> straight into the request body. Returns what the engine reports loading:
    /// the names of tagged images and the IDs of untagged ones.
    /// </summary>
    /// <exception cref="EngineApiException">The engine refused the archive; the message quotes its reason.</exception>
    /// <exception cref="EngineUnreachableException">The engine cannot be reached or the connection was cut.</exception>
    public async Task<IReadOnlyList<string>> LoadImagesAsync(Func<Stream, CancellationToken, Task> writeArchive,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writeArchive);
        const string Path = "/images/load?quiet=1";

        // HttpClient wraps what the body's writer throws (a layer failing its digest) as a failed request;
        // that failure is the writer's, not the engine's, so it is thrown as it was.
        ExceptionDispatchInfo? writeFailure = null;
        using var content = new StreamingContent(async (body, ct) =>
        {
            try
            {
                await writeArchive(body, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not IOException and not OperationCanceledException)
            {
                writeFailure = ExceptionDispatchInfo.Capture(e);
                throw;
            }
        }, "application/x-tar");
        HttpResponseMessage response;
        try
        {
            response = await SendAsync(HttpMethod.Post, Path, content, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineUnreachableException) when (writeFailure is not null)
        {
            writeFailure.Throw();
            throw;
        }

        using var answer = response;
        IReadOnlyList<JsonMessage> messages;
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                messages = await JsonMessageStream.ReadAllAsync(body, "POST /images/load", cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is HttpRequestException or HttpIOException)
        {
            throw new EngineUnreachableException(Host, $"the Docker engine at {Host.Describe()} cut the " +
                $"connection while loading an image: {e.Message}", e);
        }

        var loaded = JsonMessageStream.LoadedImages(messages);
        _logger.LogDebug("engine loaded {Images}", string.Join(", ", loaded));
        return loaded;
    }

    /// <summary>Tags an image (<c>POST /images/{name}/tag</c>), moving the tag if another image had it.</summary>
    /// <param name="name">The image: a reference or an image ID.</param>
    /// <param name="repository">The repository of the new tag, e.g. <c>app</c> or <c>localhost:5000/app</c>.</param>
    /// <param name="tag">The tag, e.g. <c>1.0</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="EngineApiException">The engine has no such image, or refused the tag.</exception>
    /// <exception cref="EngineUnreachableException">The engine cannot be reached.</exception>
    public async Task TagImageAsync(string name, string repository, string tag,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(tag);
        var path = $"/images/{CheckName(name)}/tag?repo={Uri.EscapeDataString(repository)}" +
            $"&tag={Uri.EscapeDataString(tag)}";
        using var response = await SendAsync(HttpMethod.Post, path, null, cancellationToken).ConfigureAwait(false);
    }

    // Names go into the path as they are, as Docker's own client sends them: the engine's router takes the
    // rest of the path, slashes included, as the name. Anything that would end or bend the path is refused.
    private static string CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Any(c => c is '?' or '#' or '%' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException(
                $"invalid image name '{name}': expected a reference such as 'app:1.0' or an image ID", nameof(name));
        }

        return name;
    }
}
