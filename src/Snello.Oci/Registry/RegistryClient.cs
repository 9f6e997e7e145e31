using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Snello.Oci.Registry;

/// <summary>
/// A client of one registry, per the OCI distribution spec, over raw <see cref="HttpClient"/>: manifests, blobs
/// (streamed, verified, resumed with <c>Range</c> after a cut), pushes (existence check, cross-repository mount,
/// monolithic and chunked uploads), tag listing, and Bearer or Basic auth. Every request is retried with backoff
/// on 5xx, 429 and cut connections, and fails when the server stalls. Thread-safe; one instance serves parallel
/// transfers.
/// </summary>
public sealed partial class RegistryClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly RegistryClientOptions _options;
    private readonly RegistryAuthenticator _auth;
    private readonly ILogger _logger;

    /// <summary>Creates a client; nothing is sent until the first call.</summary>
    /// <param name="registry">The registry as in a reference: <c>docker.io</c>, <c>127.0.0.1:5000</c>.</param>
    /// <param name="options">Connection, auth and retry settings; null for the defaults (anonymous).</param>
    /// <exception cref="ArgumentException">The registry is empty.</exception>
    public RegistryClient(string registry, RegistryClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(registry);
        Registry = registry;
        _options = options ?? new RegistryClientOptions();
        _logger = _options.Logger ?? NullLogger.Instance;
        var roots = _options.CertificateRoots ?? RegistryHosts.DefaultCertificateRoots();
        var apiHost = registry == References.ImageReference.DockerHubRegistry ? "registry-1.docker.io" : registry;
        var scheme = RegistryHosts.SchemeFor(registry, _options.Insecure, roots);
        BaseAddress = new Uri($"{scheme}://{apiHost}/");
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = _options.StallTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            UseProxy = true,
            Proxy = new LoopbackBypassProxy(HttpClient.DefaultProxy),
            SslOptions = new RegistryTls(registry, roots, _logger).Options(),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("snello/" + Version);
        DownloadSlots = new SemaphoreSlim(Math.Max(1, _options.Parallelism));
        _auth = new RegistryAuthenticator(this, registry, _options.Credentials, _logger);
        _logger.LogDebug("registry {Registry}: API at {Address}", registry, BaseAddress);
    }

    /// <summary>The registry, as in a reference.</summary>
    public string Registry { get; }

    /// <summary>Where API requests go: <c>https://HOST[:PORT]/</c>, or http for a local or insecure registry.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Bounds the downloads in flight to <see cref="RegistryClientOptions.Parallelism"/>.</summary>
    internal SemaphoreSlim DownloadSlots { get; }

    /// <summary>The options in force.</summary>
    public RegistryClientOptions Options => _options;

    private static string Version =>
        typeof(RegistryClient).Assembly.GetName().Version?.ToString(3) ?? "0";

    /// <summary>
    /// Checks that the registry speaks the distribution API (<c>GET /v2/</c>) and that the credentials, if any,
    /// are accepted: with a token server, a token is fetched for them.
    /// </summary>
    /// <exception cref="RegistryUnreachableException">The registry cannot be reached or keeps failing.</exception>
    /// <exception cref="RegistryAuthenticationException">The registry or its token server refuses.</exception>
    /// <exception cref="RegistryException">The registry answered something other than the API check's 200.</exception>
    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        var uri = new Uri(BaseAddress, "v2/");
        using var response = await SendAsync((_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, uri)),
            [], $"GET {uri}", true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            await ThrowForStatusAsync(response, $"API check GET {uri}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the connections.</summary>
    public void Dispose()
    {
        _http.Dispose();
        _auth.Dispose();
        DownloadSlots.Dispose();
    }

    internal static string[] PullScope(string repository) => [$"repository:{repository}:pull"];

    internal static string[] PushScope(string repository) => [$"repository:{repository}:pull,push"];

    private Uri Api(string repository, string path) => new(BaseAddress, $"v2/{repository}/{path}");
}
