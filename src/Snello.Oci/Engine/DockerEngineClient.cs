using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Snello.Oci.Engine;

/// <summary>
/// A small client of the Docker Engine API: plain <see cref="HttpClient"/> over the engine's unix socket (or
/// plain-text tcp), with the API version agreed with the engine before the first versioned call. Podman's
/// Docker-compatible socket speaks the same API. Calls are grouped by what they touch, one partial file each:
/// system (ping, version), images (inspect, save, load, tag), and the raw connection that the hijacked attach
/// and exec streams need (<see cref="OpenHijackedAsync"/>).
/// </summary>
public sealed partial class DockerEngineClient : IDisposable
{
    /// <summary>
    /// The newest API version snello asks for. Debian 12's engine (20.10) speaks 1.41, and every call snello
    /// makes exists there; a newer engine answers older versions unchanged (Engine API, "Versioning").
    /// </summary>
    public static readonly Version MaxApiVersion = new(1, 41);

    /// <summary>The oldest API version snello accepts: Docker 17.03's, with <c>/images/load?quiet</c>.</summary>
    public static readonly Version MinApiVersion = new(1, 25);

    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _negotiation = new(1, 1);
    private Version? _apiVersion;

    /// <summary>Creates a client of the engine at <paramref name="host"/>; nothing is sent before a call.</summary>
    public DockerEngineClient(DockerHost host, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        Host = host;
        _logger = logger ?? NullLogger.Instance;
        var handler = new SocketsHttpHandler
        {
            // Saves and loads run as long as the image is large; callers bound them with their token.
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            UseProxy = false,
        };
        if (host.SocketPath is { } socketPath)
        {
            handler.ConnectCallback = (_, cancellationToken) => ConnectUnixAsync(socketPath, cancellationToken);
        }

        _http = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The engine this client talks to.</summary>
    public DockerHost Host { get; }

    /// <summary>The API version agreed with the engine, or null before the first call.</summary>
    public Version? ApiVersion => _apiVersion;

    /// <summary>
    /// Agrees on the API version: the engine's own (from <c>GET /_ping</c>, else <c>GET /version</c>), but never
    /// above <see cref="MaxApiVersion"/>. Later calls reuse the answer.
    /// </summary>
    /// <exception cref="EngineUnreachableException">The engine cannot be reached or does not answer as one.</exception>
    /// <exception cref="EngineApiException">The engine is older than <see cref="MinApiVersion"/>.</exception>
    public async Task<Version> NegotiateApiVersionAsync(CancellationToken cancellationToken = default)
    {
        if (_apiVersion is { } known)
        {
            return known;
        }

        await _negotiation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_apiVersion is { } raced)
            {
                return raced;
            }

            var offered = await PingAsync(cancellationToken).ConfigureAwait(false);
            if (offered is null)
            {
                var version = await GetVersionAsync(cancellationToken).ConfigureAwait(false);
                offered = ParseVersion(version.ApiVersion);
            }

            if (offered is null)
            {
                throw new EngineUnreachableException(Host, $"the service at {Host.Describe()} answered, but " +
                    "named no API version in /_ping or /version; is it a Docker engine?");
            }

            if (offered < MinApiVersion)
            {
                throw new EngineApiException(HttpStatusCode.OK, "GET /_ping", $"API version {offered}",
                    $"the Docker engine at {Host.Describe()} speaks API {offered}; snello needs " +
                    $"{MinApiVersion} (Docker 17.03) or later");
            }

            _apiVersion = offered > MaxApiVersion ? MaxApiVersion : offered;
            _logger.LogDebug("engine {Host} offers API {Offered}; using {Version}", Host, offered, _apiVersion);
            return _apiVersion;
        }
        finally
        {
            _negotiation.Release();
        }
    }

    private static async ValueTask<Stream> ConnectUnixAsync(string path, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The versioned path of an API call: <c>/v1.41/images/json</c>.</summary>
    private async Task<string> VersionedAsync(string path, CancellationToken cancellationToken)
    {
        var version = await NegotiateApiVersionAsync(cancellationToken).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"/v{version.Major}.{version.Minor}{path}");
    }

    /// <summary>
    /// Sends a request and returns the answer once its headers are in; an error status becomes an
    /// <see cref="EngineApiException"/> quoting the engine's message. The caller disposes the answer.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content,
        CancellationToken cancellationToken, bool versioned = true)
    {
        var request = $"{method} {path.Split('?')[0]}";
        var target = versioned ? await VersionedAsync(path, cancellationToken).ConfigureAwait(false) : path;
        using var message = new HttpRequestMessage(method, target) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e, request);
        }

        _logger.LogDebug("engine {Request} -> {Status}", request, (int)response.StatusCode);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var said = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            throw new EngineApiException(response.StatusCode, request, said,
                $"the Docker engine at '{Host}' answered {(int)response.StatusCode} to {request}: '{said}'");
        }
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return response.ReasonPhrase ?? "no message";
        }

        try
        {
            var error = JsonSerializer.Deserialize(body, EngineJsonContext.Default.EngineErrorResponse);
            if (error?.Message is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // Some errors (a proxy in front of the engine, an old engine) come as plain text.
        }

        var plain = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 1024)).Trim();
        return plain.Length > 0 ? plain : response.ReasonPhrase ?? "no message";
    }

    /// <summary>Turns a failed connection into the exception the CLI reports as exit code 5.</summary>
    private EngineUnreachableException Unreachable(Exception e, string request)
    {
        var socket = FindSocketError(e);
        var why = Host.SocketPath is { } path && !File.Exists(path)
            ? $"the socket '{path}' does not exist"
            : socket?.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "the connection was refused; is the engine running?",
                SocketError.AccessDenied => "permission denied; is this user allowed to use the engine's " +
                    "socket (the docker group)?",
                SocketError.HostNotFound or SocketError.NoData => "the host name does not resolve",
                SocketError.TimedOut => "the connection timed out",
                { } code => $"{code}: {socket.Message}",
                null => e.Message,
            };
        _logger.LogDebug(e, "engine {Request} failed to connect", request);
        return new EngineUnreachableException(Host, $"cannot reach the Docker engine at {Host.Describe()}: {why}", e);
    }

    private static SocketException? FindSocketError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket;
            }
        }

        return null;
    }

    private static Version? ParseVersion(string? text) =>
        Version.TryParse(text, out var version) && version.Major >= 1 ? new Version(version.Major, version.Minor)
            : null;

    /// <summary>Closes the client's connections.</summary>
    public void Dispose()
    {
        _http.Dispose();
        _negotiation.Dispose();
    }
}
