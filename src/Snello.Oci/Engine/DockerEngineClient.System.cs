using System.Text.Json;

namespace Snello.Oci.Engine;

public sealed partial class DockerEngineClient
{
    /// <summary>
    /// Checks that the engine answers (<c>GET /_ping</c>, unversioned) and returns the API version it
    /// offers in its <c>Api-Version</c> header, or null where it names none.
    /// </summary>
    /// <exception cref="EngineUnreachableException">
    /// The engine cannot be reached, or does not answer in time.
    /// </exception>
    /// <exception cref="EngineApiException">The engine answered with an error status.</exception>
    public async Task<Version?> PingAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PingTimeout);
        try
        {
            using var response = await SendAsync(HttpMethod.Get, "/_ping", null, timeout.Token, versioned: false)
                .ConfigureAwait(false);
            return response.Headers.TryGetValues("Api-Version", out var values)
                ? ParseVersion(values.FirstOrDefault())
                : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EngineUnreachableException(Host, $"the Docker engine at {Host.Describe()} did not answer " +
                $"/_ping within {PingTimeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Reads <c>GET /version</c> (unversioned, so it works before the version is agreed).</summary>
    /// <exception cref="EngineUnreachableException">
    /// The engine cannot be reached, or the answer is not JSON.
    /// </exception>
    /// <exception cref="EngineApiException">The engine answered with an error status.</exception>
    public async Task<EngineVersion> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "/version", null, cancellationToken, versioned: false)
            .ConfigureAwait(false);
        return await ReadJsonAsync(response, EngineJsonContext.Default.EngineVersion, "GET /version",
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string request,
        CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(body, type, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("the answer is JSON null");
            }
        }
        catch (JsonException e)
        {
            throw new EngineUnreachableException(Host, $"the service at {Host.Describe()} answered {request} " +
                $"with something other than the engine's JSON: {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e, request);
        }
    }
}
