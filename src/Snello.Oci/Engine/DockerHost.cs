namespace Snello.Oci.Engine;

/// <summary>
/// Where the Docker Engine API listens, as <c>DOCKER_HOST</c> names it: <c>unix:///PATH</c> (the default,
/// <c>unix:///var/run/docker.sock</c>), or <c>tcp://HOST:PORT</c> and <c>http://HOST:PORT</c>, spoken as plain
/// http. TLS to a tcp:// engine (<c>DOCKER_TLS_VERIFY</c>), ssh:// and Windows named pipes are not supported.
/// </summary>
public sealed record DockerHost
{
    /// <summary>The socket the engine listens on when <c>DOCKER_HOST</c> is unset.</summary>
    public const string DefaultSocket = "/var/run/docker.sock";

    /// <summary>The environment variable that names the engine.</summary>
    public const string Variable = "DOCKER_HOST";

    private DockerHost(string text, string? socketPath, Uri baseAddress, bool fromEnvironment)
    {
        Text = text;
        SocketPath = socketPath;
        BaseAddress = baseAddress;
        FromEnvironment = fromEnvironment;
    }

    /// <summary>The host as written, e.g. <c>unix:///run/docker.sock</c>.</summary>
    public string Text { get; }

    /// <summary>The unix socket's path, or null for a tcp:// engine.</summary>
    public string? SocketPath { get; }

    /// <summary>The http address requests go to; for a unix socket the host part is a placeholder.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Whether the value came from <c>DOCKER_HOST</c> rather than the default.</summary>
    public bool FromEnvironment { get; }

    /// <summary>The default engine, <c>unix:///var/run/docker.sock</c>.</summary>
    public static DockerHost Default { get; } = Parse("unix://" + DefaultSocket, fromEnvironment: false);

    /// <summary>
    /// The engine that <c>DOCKER_HOST</c> names, or <see cref="Default"/> where it is unset or empty.
    /// </summary>
    /// <param name="environment">Reads a variable; null reads the process environment.</param>
    /// <exception cref="FormatException">
    /// <c>DOCKER_HOST</c> is not a supported address, or <c>DOCKER_TLS_VERIFY</c> asks for TLS.
    /// </exception>
    public static DockerHost FromEnvironmentVariables(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrEmpty(environment("DOCKER_TLS_VERIFY")))
        {
            throw new FormatException("DOCKER_TLS_VERIFY is set, but snello speaks only plain http to a tcp:// " +
                "engine; unset it, or reach the engine through its unix socket");
        }

        var text = environment(Variable);
        return string.IsNullOrEmpty(text) ? Default : Parse(text, fromEnvironment: true);
    }

    /// <summary>Parses a <c>DOCKER_HOST</c> value.</summary>
    /// <exception cref="FormatException">The value is not <c>unix:///PATH</c>, <c>tcp://HOST:PORT</c> or
    /// <c>http://HOST:PORT</c>; the message quotes it.</exception>
    public static DockerHost Parse(string text) => Parse(text, fromEnvironment: false);

    private static DockerHost Parse(string text, bool fromEnvironment)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = text["unix://".Length..];
            if (path.Length == 0 || path[0] != '/')
            {
                throw Invalid(text, "a unix socket needs an absolute path, as in unix:///var/run/docker.sock");
            }

            // The host name is never resolved: every connection goes to the socket.
            return new DockerHost(text, path, new Uri("http://docker/"), fromEnvironment);
        }

        foreach (var scheme in new[] { "tcp://", "http://" })
        {
            if (!text.StartsWith(scheme, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = text[scheme.Length..].TrimEnd('/');
            if (rest.Length == 0 || rest.Contains('/', StringComparison.Ordinal) ||
                !Uri.TryCreate("http://" + rest + "/", UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            {
                throw Invalid(text, "expected HOST:PORT after the scheme, as in tcp://127.0.0.1:2375");
            }

            // Docker's own default port for plain-text tcp:// is 2375.
            var address = rest.EndsWith(':') || uri.IsDefaultPort && !HasPort(rest)
                ? new Uri($"http://{uri.Host}:2375/")
                : uri;
            return new DockerHost(text, null, address, fromEnvironment);
        }

        var colon = text.IndexOf("://", StringComparison.Ordinal);
        var why = colon > 0
            ? $"scheme '{text[..colon]}://' is not supported"
            : "it has no scheme";
        throw Invalid(text, why);
    }

    private static bool HasPort(string hostAndPort)
    {
        var colon = hostAndPort.LastIndexOf(':');
        return colon >= 0 && colon > hostAndPort.LastIndexOf(']');
    }

    private static FormatException Invalid(string text, string why) =>
        new($"invalid {Variable} '{text}': {why}; expected unix:///PATH, tcp://HOST:PORT or http://HOST:PORT");

    /// <summary>
    /// Names the host for a message: its value, and whether it came from <c>DOCKER_HOST</c> or the default.
    /// </summary>
    public string Describe() => FromEnvironment
        ? $"'{Text}' (from {Variable})"
        : $"'{Text}' ({Variable} is unset; the default socket)";

    /// <inheritdoc />
    public override string ToString() => Text;
}
