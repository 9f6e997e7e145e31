using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Snello.Oci.Engine;

public sealed partial class DockerEngineClient
{
    private const int MaxResponseHead = 64 << 10;

    /// <summary>
    /// Sends one request on a connection of its own and, once the engine switches protocols, hands back that
    /// connection as a two-way stream: what <c>POST /containers/{id}/attach</c> and <c>POST /exec/{id}/start</c>
    /// need (Engine API, "Hijacking"). <see cref="HttpClient"/> cannot give back an upgraded connection, so the
    /// request is written and the answer's head read here. Without a TTY, what the engine writes is
    /// multiplexed: 8-byte frame headers (stream type, then a big-endian length) before each chunk.
    /// </summary>
    /// <param name="method">The method, usually POST.</param>
    /// <param name="path">The path without the API version, such as <c>/containers/ID/attach?stream=1</c>.</param>
    /// <param name="jsonBody">A JSON body (exec start takes one), or empty.</param>
    /// <param name="cancellationToken">Cancels connecting and the exchange of heads.</param>
    /// <returns>The connection; disposing it closes it. Reads start after the answer's head.</returns>
    /// <exception cref="EngineApiException">The engine answered with an error instead of switching.</exception>
    /// <exception cref="EngineUnreachableException">The engine cannot be reached.</exception>
    public async Task<HijackedStream> OpenHijackedAsync(HttpMethod method, string path, ReadOnlyMemory<byte> jsonBody,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var request = $"{method} {path.Split('?')[0]}";
        var target = await VersionedAsync(path, cancellationToken).ConfigureAwait(false);
        var connection = await ConnectRawAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var head = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"{method} {target} HTTP/1.1\r\n")
                .Append(CultureInfo.InvariantCulture, $"Host: {Host.BaseAddress.Authority}\r\n")
                .Append("Connection: Upgrade\r\nUpgrade: tcp\r\n");
            if (!jsonBody.IsEmpty)
            {
                head.Append("Content-Type: application/json\r\n");
            }

            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {jsonBody.Length}\r\n\r\n");
            await connection.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken)
                .ConfigureAwait(false);
            await connection.WriteAsync(jsonBody, cancellationToken).ConfigureAwait(false);
            await connection.FlushAsync(cancellationToken).ConfigureAwait(false);

            var (status, _, rest) = await ReadHeadAsync(connection, request, cancellationToken)
                .ConfigureAwait(false);

            // 101 is the answer to an upgrade request; engines before API 1.22 answered 200 and then streamed.
            if (status is HttpStatusCode.SwitchingProtocols or HttpStatusCode.OK)
            {
                return new HijackedStream(connection, rest);
            }

            var said = Encoding.UTF8.GetString(rest.Span).Trim();
            said = said.Length == 0 ? $"status {(int)status}" : said;
            throw new EngineApiException(status, request, said,
                $"the Docker engine at '{Host}' answered {(int)status} to {request}: '{said}'");
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<Stream> ConnectRawAsync(string request, CancellationToken cancellationToken)
    {
        try
        {
            if (Host.SocketPath is { } path)
            {
                return await ConnectUnixAsync(path, cancellationToken).ConfigureAwait(false);
            }

            var client = new TcpClient();
            try
            {
                await client.ConnectAsync(Host.BaseAddress.Host, Host.BaseAddress.Port, cancellationToken)
                    .ConfigureAwait(false);
                return new NetworkStream(client.Client, ownsSocket: true);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
        catch (SocketException e)
        {
            throw Unreachable(e, request);
        }
    }

    private static async Task<(HttpStatusCode Status, string Headers, ReadOnlyMemory<byte> Remainder)> ReadHeadAsync(
        Stream connection, string request, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var filled = 0;
        while (true)
        {
            var end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var text = Encoding.ASCII.GetString(buffer, 0, end);
                var statusLine = text.Split("\r\n")[0].Split(' ');
                if (statusLine.Length < 2 || !int.TryParse(statusLine[1], CultureInfo.InvariantCulture, out var code))
                {
                    throw new IOException($"the engine answered {request} with a malformed status line " +
                        $"'{text.Split("\r\n")[0]}'");
                }

                return ((HttpStatusCode)code, text, buffer.AsMemory(end + 4, filled - end - 4));
            }

            if (filled == buffer.Length)
            {
                if (buffer.Length >= MaxResponseHead)
                {
                    throw new IOException($"the engine's answer to {request} has a head over {MaxResponseHead} bytes");
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var n = await connection.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new IOException($"the engine closed the connection before answering {request}");
            }

            filled += n;
        }
    }
}
